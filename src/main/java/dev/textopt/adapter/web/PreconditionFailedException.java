package dev.textopt.adapter.web;

/** A read's If-Match names another ETag than the resource has now (412); writes say so with VersionMismatchException. */
class PreconditionFailedException extends RuntimeException {

    PreconditionFailedException(String message) {
        super(message);
    }
}
