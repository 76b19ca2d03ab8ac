package dev.textopt.adapter.llm;

import java.time.Duration;

/**
 * One failed attempt, classified. {@code reason} is short, safe to show (no key, no request body).
 *
 * @param status     the HTTP status, or null when there was no answer
 * @param retryAfter what the provider asked us to wait, or null
 */
record Failure(Kind kind, Integer status, Duration retryAfter, String reason) {

    enum Kind {
        RATE_LIMITED("rate_limited"),
        SERVER_ERROR("server_error"),
        CLIENT_ERROR("client_error"),
        CONNECTION("connection_error"),
        TIMEOUT("timeout"),
        BAD_REPLY("unreadable_reply");

        private final String tag;

        Kind(String tag) {
            this.tag = tag;
        }

        /** The metric tag value. */
        String tag() {
            return tag;
        }
    }

    /** 429, 408, 5xx and connection failures may succeed on another try; other 4xx and timeouts are not retried. */
    boolean retryable() {
        return kind == Kind.RATE_LIMITED || kind == Kind.SERVER_ERROR || kind == Kind.CONNECTION
                || (status != null && status == 408);
    }
}
