package dev.textopt.session;

/** A hand edit of a parameter; null fields stay as they are. */
public record ParamPatch(String data, String role, Boolean requiresGrad) {
}
