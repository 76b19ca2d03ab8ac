package dev.textopt.adapter.web;

import java.util.List;

/**
 * API keys and the tenants they act for ({@code textopt.security}), as {@code tenant:key} entries
 * ({@code TEXTOPT_SECURITY_API_KEYS="tenant-a:key1,tenant-b:key2"}). None: single-user local mode.
 */
public record SecurityProperties(List<String> apiKeys) {

    public SecurityProperties {
        apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
    }

    @Override
    public String toString() {
        return "SecurityProperties[apiKeys=" + apiKeys.size() + " configured, values hidden]";
    }
}
