package dev.textopt.adapter.web;

import org.springframework.util.unit.DataSize;

/** Limits of the HTTP API ({@code textopt.http}): the largest request body, default 1MB. */
public record HttpProperties(DataSize maxBodySize) {

    public HttpProperties {
        maxBodySize = maxBodySize == null ? DataSize.ofMegabytes(1) : maxBodySize;
    }
}
