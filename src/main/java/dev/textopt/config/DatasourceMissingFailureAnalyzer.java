package dev.textopt.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns {@link DatasourceMissingException} into the start-up report: what is missing and what to set. */
class DatasourceMissingFailureAnalyzer extends AbstractFailureAnalyzer<DatasourceMissingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DatasourceMissingException cause) {
        return new FailureAnalysis("""
                textopt needs a PostgreSQL database and none is configured: SPRING_DATASOURCE_URL is not set, \
                and the packaged jar (and the container image) leave out the embedded PostgreSQL on purpose.""", """
                Set the database textopt should use, for example:
                    SPRING_DATASOURCE_URL=jdbc:postgresql://localhost:5432/textopt
                    SPRING_DATASOURCE_USERNAME=textopt
                    SPRING_DATASOURCE_PASSWORD=...
                The database and the user must exist; Flyway creates the tables on the first start.
                To try textopt locally without a server, run it from the source with ./mvnw spring-boot:run:
                that starts an embedded PostgreSQL with its data in ./data/postgres.""", cause);
    }
}
