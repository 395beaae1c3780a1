package dev.clobcancel.simulator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * How the simulator's packages stand to each other: the rules a newcomer can read the tree by.
 * Each rule says in words what it holds and why.
 */
@AnalyzeClasses(packages = "dev.clobcancel.simulator", importOptions = ImportOption.DoNotIncludeTests.class)
class SimulatorLayerRulesTest {

    private static final String ROOT = "dev.clobcancel.simulator";

    /** One slice per package under the root, {@code dev.clobcancel.simulator.(*)..}, and the root package itself as another. */
    private static final SliceAssignment PACKAGES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            if (name.equals(ROOT)) {
                return SliceIdentifier.of("the root package (ClobSimulator and its state)");
            }
            return name.startsWith(ROOT + ".")
                    ? SliceIdentifier.of(name.substring(ROOT.length() + 1).split("\\.")[0])
                    : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "the simulator's packages, its root package among them";
        }
    };

    @ArchTest
    static final ArchRule no_package_of_the_simulator_depends_on_itself_through_another = slices()
            .assignedFrom(PACKAGES)
            .should().beFreeOfCycles()
            .as("no package of the simulator depends on itself through another (no package cycles)")
            .because("each package is a layer a reader can take in alone, from the exchange up to the HTTP API");

    @ArchTest
    static final ArchRule only_the_http_api_knows_vertx_web = noClasses()
            .that().resideOutsideOfPackage("dev.clobcancel.simulator.http..")
            .should().dependOnClassesThat().resideInAPackage("io.vertx.ext.web..")
            .as("nothing outside the http package uses Vert.x Web (routers, routing contexts)")
            .because("routes, their order and their handlers are the HTTP API's business; the WebSocket channels"
                    + " need only Vert.x core's server WebSocket, and the Java API starts the HTTP API through"
                    + " its one public factory");

    @ArchTest
    static final ArchRule the_internals_are_package_private = classes()
            .that().haveFullyQualifiedName("dev.clobcancel.simulator.exchange.SimOrder")
            .or().haveFullyQualifiedName("dev.clobcancel.simulator.http.SimulatorRouter")
            .or().haveFullyQualifiedName("dev.clobcancel.simulator.SimulatorState")
            .or().haveFullyQualifiedName("dev.clobcancel.simulator.SelfSignedCertificate")
            .or().haveFullyQualifiedName("dev.clobcancel.simulator.http.RequestOutcome")
            .should().notBePublic()
            .andShould().notHaveModifier(JavaModifier.PROTECTED)
            .as("the simulator's internals (its orders as the books hold them, its router, its state, its"
                    + " certificate, a request's outcome) are package-private")
            .because("tests and apps drive the simulator through ClobSimulator and its narrow views, which can keep"
                    + " their promises only if nothing else reaches the live internals")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule the_http_api_has_one_door = classes()
            .that().resideInAPackage(ROOT + ".http").and().arePublic()
            .should().haveSimpleName("SimulatorHttp").orShould().haveSimpleName("SimulatorBackend")
            .orShould().haveSimpleName("ScenarioFile")
            .as("the http package's only public types are SimulatorHttp (its factory), SimulatorBackend (what it drives)"
                    + " and ScenarioFile (the --config file, read with the admin API's own bodies)")
            .because("whoever starts the HTTP API needs no more, and everything behind the door can change freely");
}
