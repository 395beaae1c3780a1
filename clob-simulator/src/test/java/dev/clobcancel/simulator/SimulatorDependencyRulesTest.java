package dev.clobcancel.simulator;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

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

    private static final String[] EXCHANGE_MODEL = {"dev.clobcancel.simulator.exchange..", "dev.clobcancel.simulator.orders..",
        "dev.clobcancel.simulator.ratelimit.."};

    @ArchTest
    static final ArchRule the_exchange_does_not_depend_on_http = noClasses()
            .that().resideInAnyPackage(EXCHANGE_MODEL)
            .should().dependOnClassesThat().resideInAnyPackage("dev.clobcancel.simulator.http..", "dev.clobcancel.simulator.ws..",
                    "io.vertx..")
            .because("the exchange is driven by HTTP, the channels and the Java API alike, and knows none of them");

    @ArchTest
    static final ArchRule the_exchange_names_no_http_status = noFields()
            .that().areDeclaredInClassesThat().resideInAnyPackage(EXCHANGE_MODEL)
            .should().haveRawType(int.class).andShould().haveNameMatching("(?i).*status.*")
            .because("the exchange names no HTTP status: how a refusal is answered is http.ExchangeFailures' business");

    @ArchTest
    static final ArchRule the_exchange_answers_no_status_number = noMethods()
            .that().areDeclaredInClassesThat().resideInAnyPackage(EXCHANGE_MODEL)
            .should().haveRawReturnType(int.class).andShould().haveNameMatching("(?i).*status.*")
            .because("the exchange names no HTTP status: how a refusal is answered is http.ExchangeFailures' business");

    @ArchTest
    static final ArchRule the_exchanges_refusals_carry_no_number = noFields()
            .that().areDeclaredInClassesThat(resideInAnyPackage(EXCHANGE_MODEL).and(assignableTo(Throwable.class)))
            .should().haveRawType(int.class)
            .because("an exchange exception says what went wrong in the exchange's terms, not with a status code");

    @ArchTest
    static final ArchRule the_exchange_names_nothing_in_json = noMethods()
            .that().areDeclaredInClassesThat().resideInAnyPackage(EXCHANGE_MODEL)
            .should().haveNameMatching("(?i).*json.*")
            .because("the wire's names of the exchange's enums and fields live in http (WireNames, the body records)");

    @ArchTest
    static final ArchRule json_is_written_only_in_http_and_ws = noClasses()
            .that().resideInAPackage("dev.clobcancel.simulator..")
            .and().resideOutsideOfPackages("dev.clobcancel.simulator.http..", "dev.clobcancel.simulator.ws..",
                    "dev.clobcancel.simulator.cli..", "dev.clobcancel.simulator.wallet..")
            .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..")
            .because("JSON is written and read only in http and ws (and by the simulator's own clients: the command line's"
                    + " state file and health probe, the test wallet, which speak to it over the wire)");
}
