/**
 * The HTTP adapter: controllers, request and response records, and the translation of domain
 * exceptions into RFC 9457 problem details.
 */
package dev.textopt.adapter.web;
