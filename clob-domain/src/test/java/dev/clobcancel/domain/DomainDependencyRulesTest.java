package dev.clobcancel.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.clobcancel.domain", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainDependencyRulesTest {

    @ArchTest
    static final ArchRule the_domain_depends_on_the_jdk_alone = classes()
            .that().resideInAPackage("dev.clobcancel.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.clobcancel.domain..", "java..", "javax.crypto..")
            .because("the domain is pure Java: adapters plug into it, never the other way round");
}
