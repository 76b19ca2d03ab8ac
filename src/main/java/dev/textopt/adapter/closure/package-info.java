/**
 * The outbound HTTP adapter for step closures: POSTs the parameters to a client's evaluator and reads
 * back the loss and fresh gradients, refusing anything not of that shape.
 */
package dev.textopt.adapter.closure;
