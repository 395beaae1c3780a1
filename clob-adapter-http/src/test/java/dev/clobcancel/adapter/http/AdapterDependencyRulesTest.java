package dev.clobcancel.adapter.http;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The simulator is on this module's test class path only: its main code must never reach it. */
@AnalyzeClasses(packages = "dev.clobcancel", importOptions = ImportOption.DoNotIncludeTests.class)
class AdapterDependencyRulesTest {

    @ArchTest
    static final ArchRule the_http_adapter_never_depends_on_the_simulator = noClasses()
            .that().resideInAPackage("dev.clobcancel.adapter..")
            .should().dependOnClassesThat().resideInAPackage("dev.clobcancel.simulator..")
            .because("the simulator fakes the exchange for tests; the adapter talks to whichever CLOB it is given");

    @ArchTest
    static final ArchRule the_adapter_implementation_is_hidden = noClasses()
            .that().resideInAPackage("dev.clobcancel.adapter.http")
            .and().areTopLevelClasses().and().doNotHaveSimpleName("ClobHttpClient")
            .should().bePublic()
            .because("callers use the client and its builder; transport and parsing may change freely");

    @ArchTest
    static final ArchRule the_user_channel_shows_only_itself = noClasses()
            .that().resideInAPackage("dev.clobcancel.adapter.http.ws")
            .and().areTopLevelClasses().and().doNotHaveSimpleName("UserChannel")
            .should().bePublic()
            .because("callers use the channel and its builder; the messages' wire format may change freely");

    @ArchTest
    static final ArchRule the_implementation_package_is_used_by_the_adapter_alone = noClasses()
            .that().resideOutsideOfPackage("dev.clobcancel.adapter.http..")
            .should().dependOnClassesThat().resideInAPackage("dev.clobcancel.adapter.http.implementation..")
            .because("it is public only so that the adapter's packages can share it, not an API");
}
