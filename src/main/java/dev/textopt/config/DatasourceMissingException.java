package dev.textopt.config;

/** Thrown at start-up when neither a datasource URL nor the embedded PostgreSQL is available. */
class DatasourceMissingException extends IllegalStateException {

    DatasourceMissingException() {
        super("No database configured: SPRING_DATASOURCE_URL is not set and this build has no embedded PostgreSQL");
    }
}
