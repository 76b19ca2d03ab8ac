package dev.textopt.adapter.web;

/** A request body over {@code textopt.http.max-body-size}. */
class PayloadTooLargeException extends RuntimeException {

    PayloadTooLargeException(long limit) {
        super("the request body is larger than " + limit + " bytes; send less, or ask the operator to raise textopt.http.max-body-size");
    }
}
