package dev.textopt.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The web view calls the session use cases, never another adapter (and so never the JSON API's classes). */
@AnalyzeClasses(packages = "dev.textopt", importOptions = ImportOption.DoNotIncludeTests.class)
class UiArchitectureTest {

    @ArchTest
    static final ArchRule uiUsesNoOtherAdapter = noClasses().that().resideInAPackage("dev.textopt.adapter.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.textopt.adapter.web..", "dev.textopt.adapter.persistence..",
                    "dev.textopt.adapter.llm..", "dev.textopt.adapter.closure..")
            .because("adapters point inwards, to the session use cases");

    @ArchTest
    static final ArchRule noOtherAdapterUsesUi = noClasses().that().resideInAnyPackage("dev.textopt.adapter.web..",
                    "dev.textopt.adapter.persistence..", "dev.textopt.adapter.llm..", "dev.textopt.adapter.closure..",
                    "dev.textopt.session..", "dev.textopt.optim..")
            .should().dependOnClassesThat().resideInAPackage("dev.textopt.adapter.ui..");
}
