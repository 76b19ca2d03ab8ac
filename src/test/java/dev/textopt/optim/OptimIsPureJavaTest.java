package dev.textopt.optim;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The optimizer core must stay usable without Spring, JPA or Jackson (the adapters translate at the edge). */
class OptimIsPureJavaTest {

    @Test
    void optimDependsOnNoFrameworkAndNoOuterLayer() {
        JavaClasses core = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.textopt.optim");

        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "jakarta..", "javax.persistence..", "com.fasterxml.jackson..", "tools.jackson..",
                        "dev.textopt.session..", "dev.textopt.adapter..", "dev.textopt.config..")
                .check(core);
    }
}
