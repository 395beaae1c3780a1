package dev.clobcancel.simulator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.clobcancel", importOptions = ImportOption.DoNotIncludeTests.class)
class SimulatorDependencyRulesTest {

    @ArchTest
    static final ArchRule the_simulator_never_depends_on_the_http_adapter = noClasses()
            .that().resideInAPackage("dev.clobcancel.simulator..")
            .should().dependOnClassesThat().resideInAPackage("dev.clobcancel.adapter..")
            .because("the simulator must judge the client from the outside, by the wire alone");

    @ArchTest
    static final ArchRule the_exchange_model_knows_no_http = noClasses()
            .that().resideInAnyPackage("dev.clobcancel.simulator.exchange..", "dev.clobcancel.simulator.faults..",
                    "dev.clobcancel.simulator.journal..", "dev.clobcancel.simulator.ratelimit..", "dev.clobcancel.simulator.time..")
            .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "com.fasterxml..")
            .because("the exchange's state and rules are plain Java, driven by HTTP and by the Java API alike");
}
