package dev.textopt.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** Limits of the HTTP API. */
@ConfigurationProperties("textopt.http")
public record HttpProperties(@DefaultValue("1MB") DataSize maxBodySize) {
}
