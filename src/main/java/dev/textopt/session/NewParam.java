package dev.textopt.session;

/** A parameter as a client sends it; the service gives it its id. */
public record NewParam(String data, String role, boolean requiresGrad) implements GroupMember {
}
