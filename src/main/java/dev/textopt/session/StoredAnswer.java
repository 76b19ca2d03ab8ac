package dev.textopt.session;

/** An HTTP answer as kept for replay. */
public record StoredAnswer(int status, String contentType, String location, byte[] body) {
}
