package dev.textopt.config;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * API keys and the tenants they act for, as {@code tenant:key} entries
 * ({@code TEXTOPT_SECURITY_API_KEYS="tenant-a:key1,tenant-b:key2"}). None: single-user local mode.
 */
@ConfigurationProperties("textopt.security")
public record SecurityProperties(@DefaultValue List<String> apiKeys) {

    @Override
    public String toString() {
        return "SecurityProperties[apiKeys=" + apiKeys.size() + " configured, values hidden]";
    }
}
