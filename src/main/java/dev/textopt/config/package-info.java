/**
 * Configuration: {@code @ConfigurationProperties} records under the prefix {@code textopt} and the
 * wiring that turns them into beans, including the embedded PostgreSQL for local runs.
 */
package dev.textopt.config;
