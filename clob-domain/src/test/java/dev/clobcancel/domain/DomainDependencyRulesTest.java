package dev.clobcancel.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.clobcancel.domain.failure.ClobException;

@AnalyzeClasses(packages = "dev.clobcancel.domain", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainDependencyRulesTest {

    @ArchTest
    static final ArchRule the_domain_depends_on_the_jdk_alone = classes()
            .that().resideInAPackage("dev.clobcancel.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.clobcancel.domain..", "java..", "javax.crypto..")
            .because("the domain is pure Java: adapters plug into it, never the other way round");

    @ArchTest
    static final ArchRule ports_answer_with_completion_stages = methods()
            .that().areDeclaredInClassesThat().resideInAPackage("dev.clobcancel.domain.port..")
            .and().arePublic()
            .should().haveRawReturnType(java.util.concurrent.CompletionStage.class)
            .because("a cancel must never block its caller, and no framework's future type may leak into the domain");

    @ArchTest
    static final ArchRule the_domain_maps_no_http_status = noMethods()
            .that().areDeclaredInClassesThat().resideInAPackage("dev.clobcancel.domain..")
            .and().arePublic()
            .should().haveName("forStatus")
            .because("what a status means is the HTTP adapter's to say; the domain's failures are built from what happened");

    @ArchTest
    static final ArchRule a_failure_never_changes_once_made = fields()
            .that().areDeclaredInClassesThat().areAssignableTo(ClobException.class)
            .should().beFinal()
            .because("a failure handed to one caller must read the same to every other");
}
