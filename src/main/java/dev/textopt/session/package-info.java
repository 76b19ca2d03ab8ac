/**
 * Use cases over durable optimizer sessions: load a snapshot, run the core, save the result.
 * The only package that owns transactions.
 */
package dev.textopt.session;
