package dev.textopt.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.textopt.TextoptApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.mock.env.MockEnvironment;

/** The packaged jar has no embedded PostgreSQL: without SPRING_DATASOURCE_URL it must say what to set. */
@ExtendWith(OutputCaptureExtension.class)
class DatasourceRequirementTest {

    /** The classes of the packaged jar: everything but the embedded PostgreSQL (an optional dependency). */
    private static final class WithoutEmbeddedPostgres extends ClassLoader {
        WithoutEmbeddedPostgres() {
            super(DatasourceRequirementTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("io.zonky.")) {
                throw new ClassNotFoundException(name);
            }
            return super.loadClass(name, resolve);
        }
    }

    @Test
    void startWithoutDatasourceOrEmbeddedPostgresStopsAndNamesWhatToSet(CapturedOutput output) {
        var application = new SpringApplication(new DefaultResourceLoader(new WithoutEmbeddedPostgres()), TextoptApplication.class);

        assertThatThrownBy(() -> application.run("--server.port=0", "--spring.datasource.url="))
                .isInstanceOf(DatasourceMissingException.class);
        assertThat(output.getOut() + output.getErr())
                .contains("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD",
                        "./mvnw spring-boot:run")
                .doesNotContain("H2, HSQL or Derby", "Tomcat");
    }

    @Test
    void aDatasourceUrlIsEnoughWithoutEmbeddedPostgres() {
        var environment = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/textopt");

        assertThatNoException().isThrownBy(() -> new DatasourceRequirement(classLoader -> false)
                .postProcessEnvironment(environment, new SpringApplication(TextoptApplication.class)));
    }

    @Test
    void theEmbeddedPostgresIsEnoughWithoutADatasourceUrl() {
        assertThatNoException().isThrownBy(() -> new DatasourceRequirement()
                .postProcessEnvironment(new MockEnvironment(), new SpringApplication(TextoptApplication.class)));
    }
}
