package dev.textopt;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Dependencies point inwards: adapters, then session, then the pure optim core; config only wires. */
@AnalyzeClasses(packages = "dev.textopt", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule optimIsPureJava = noClasses().that().resideInAPackage("dev.textopt.optim..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "jakarta..", "javax.persistence..", "org.hibernate..",
                    "com.fasterxml.jackson..", "tools.jackson..")
            .because("the optimizer core is plain Java, tested without a framework");

    @ArchTest
    static final ArchRule optimKnowsNoOuterLayer = noClasses().that().resideInAPackage("dev.textopt.optim..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.textopt.session..", "dev.textopt.adapter..", "dev.textopt.config..");

    @ArchTest
    static final ArchRule sessionKnowsNoAdapter = noClasses().that().resideInAPackage("dev.textopt.session..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.textopt.adapter..");

    @ArchTest
    static final ArchRule webDoesNotUseOtherAdapters = noClasses().that().resideInAPackage("dev.textopt.adapter.web..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.textopt.adapter.persistence..", "dev.textopt.adapter.llm..");

    @ArchTest
    static final ArchRule persistenceDoesNotUseOtherAdapters = noClasses().that().resideInAPackage("dev.textopt.adapter.persistence..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.textopt.adapter.web..", "dev.textopt.adapter.llm..");

    @ArchTest
    static final ArchRule llmDoesNotUseOtherAdapters = noClasses().that().resideInAPackage("dev.textopt.adapter.llm..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.textopt.adapter.web..", "dev.textopt.adapter.persistence..");

    @ArchTest
    static final ArchRule noCyclesBetweenLayers = slices().matching("dev.textopt.(*)..").should().beFreeOfCycles()
            .because("adapters depend on session, session on optim, config on all of them, and nothing back");

    @ArchTest
    static final ArchRule noCyclesBetweenAdapters = slices().matching("dev.textopt.adapter.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule configOnlyWires = noClasses().that().resideOutsideOfPackage("dev.textopt.config..")
            .should().dependOnClassesThat().resideInAPackage("dev.textopt.config..")
            .because("config binds properties to the settings records their owners declare, and wires beans; nobody asks it");

    @ArchTest
    static final ArchRule portsAreInterfaces = classes().that().resideInAPackage("dev.textopt.session")
            .and().haveSimpleNameEndingWith("Port").should().beInterfaces();
}
