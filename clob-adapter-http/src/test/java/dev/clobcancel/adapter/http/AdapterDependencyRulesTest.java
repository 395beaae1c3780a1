package dev.clobcancel.adapter.http;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructorCall;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.clobcancel.domain.failure.ClobException;
import java.util.Set;

/**
 * The adapter's rules: the simulator is on this module's test class path only, and its main code
 * must never reach it; its public surface is a short list; every failure of a call is a
 * {@link ClobException}; one scheduler type for every wait.
 */
@AnalyzeClasses(packages = "dev.clobcancel", importOptions = ImportOption.DoNotIncludeTests.class)
class AdapterDependencyRulesTest {

    @ArchTest
    static final ArchRule the_http_adapter_never_depends_on_the_simulator = noClasses()
            .that().resideInAPackage("dev.clobcancel.adapter..")
            .should().dependOnClassesThat().resideInAPackage("dev.clobcancel.simulator..")
            .because("the simulator fakes the exchange for tests; the adapter talks to whichever CLOB it is given");

    /** The adapter's public surface, as docs/architecture.md lists it. */
    static final Set<String> PUBLIC_CLASSES = Set.of(
            "dev.clobcancel.adapter.http.ClobHttpClient",
            "dev.clobcancel.adapter.http.ClobHttpClientBuilder",
            "dev.clobcancel.adapter.http.BlockingClobHttpClient",
            "dev.clobcancel.adapter.http.ws.UserChannel",
            "dev.clobcancel.adapter.http.ws.UserChannel$Builder",
            "dev.clobcancel.adapter.http.implementation.OwnedVertx");

    @ArchTest
    static final ArchRule the_adapters_public_classes_are_those_the_architecture_lists = classes()
            .that().resideInAPackage("dev.clobcancel.adapter.http..").and().arePublic()
            .should(new ArchCondition<JavaClass>("be one of " + PUBLIC_CLASSES) {
                @Override
                public void check(JavaClass type, ConditionEvents events) {
                    if (!PUBLIC_CLASSES.contains(type.getName())) {
                        events.add(SimpleConditionEvent.violated(type, type.getName() + " is public but not in the list"));
                    }
                }
            })
            .because("callers use the client, its builder, its blocking view and the user channel; transport and "
                    + "parsing may change freely");

    @ArchTest
    static final ArchRule the_adapter_implementation_is_hidden = noClasses()
            .that().resideInAPackage("dev.clobcancel.adapter.http")
            .and().areTopLevelClasses()
            .and().doNotHaveSimpleName("ClobHttpClient").and().doNotHaveSimpleName("ClobHttpClientBuilder")
            .and().doNotHaveSimpleName("BlockingClobHttpClient")
            .should().bePublic()
            .because("callers use the client, its builder and its blocking view; transport and parsing may change freely");

    /** Argument checks throw these at once; every failure of a call is a ClobException. */
    private static final DescribedPredicate<JavaConstructorCall> A_FAILURE_OUTSIDE_THE_FAMILY =
            new DescribedPredicate<>("a failure outside the ClobException family") {
                @Override
                public boolean test(JavaConstructorCall call) {
                    JavaClass made = call.getTargetOwner();
                    return made.isAssignableTo(Throwable.class) && !made.isAssignableTo(ClobException.class)
                            && !made.isAssignableTo(IllegalArgumentException.class)
                            && !made.isAssignableTo(NullPointerException.class);
                }
            };

    @ArchTest
    static final ArchRule every_failure_of_a_call_is_a_clob_exception = noClasses()
            .that().haveSimpleNameEndingWith("Requests").and().doNotHaveSimpleName("SignedRequests")
            .or().haveSimpleName("ClobHttpClient").or().haveSimpleName("RetryingCalls").or().haveSimpleName("HttpTransport")
            .or().haveSimpleName("Responses").or().haveSimpleName("Failures").or().haveSimpleName("OrderReads")
            .or().haveSimpleName("OpenOrders").or().haveSimpleName("DelayedOrders").or().haveSimpleName("CancelAllFallback")
            .or().haveSimpleName("Completions")
            .and().resideInAPackage("dev.clobcancel.adapter.http")
            .should().callConstructorWhere(A_FAILURE_OUTSIDE_THE_FAMILY)
            .because("a catch (ClobException) must see every failure of a call: a closed client, a transport failure, "
                    + "a refusal, an interrupted wait");

    @ArchTest
    static final ArchRule one_scheduler_type = noClasses()
            .that().haveSimpleName("Scheduler")
            .should().resideOutsideOfPackage("dev.clobcancel.domain.time")
            .because("the client, the keeper, the confirmer and the channel wait the same way, and a test drives them all "
                    + "with one manual scheduler");

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
