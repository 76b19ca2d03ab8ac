package dev.textopt.session;

/**
 * What a use case read or wrote, with the version the session had then: the HTTP edge makes the
 * session's {@code ETag} of it, which a client sends back in {@code If-Match} ({@link ExpectedVersion}).
 */
public record Versioned<T>(T value, long version) {
}
