package dev.clobcancel.simulator.junit;

import dev.clobcancel.simulator.ClobSimulator;
import dev.clobcancel.simulator.SimulatorOptions;
import dev.clobcancel.simulator.time.ManualClock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one simulator per test class on a free loopback port, resets it before each test, and
 * injects it into test and lifecycle methods that take a {@link ClobSimulator}, and its clock
 * into those that take a {@link ManualClock} when it tells time by one.
 *
 * <pre>{@code
 * @ClobSimulatorTest
 * class MyCancelTest {
 *     @Test
 *     void cancels(ClobSimulator sim) { ... sim.baseUri() ... }
 * }
 *
 * // or, with options:
 * @RegisterExtension
 * static ClobSimulatorExtension sim = new ClobSimulatorExtension(SimulatorOptions.builder().seed(42).build());
 * }</pre>
 */
public final class ClobSimulatorExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ClobSimulatorExtension.class);

    private final SimulatorOptions options;

    /** With the default options, or those of {@link ClobSimulatorTest} on the class. */
    public ClobSimulatorExtension() {
        this(null);
    }

    public ClobSimulatorExtension(SimulatorOptions options) {
        this.options = options;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        simulator(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        simulator(context).reset();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == ClobSimulator.class || type == ManualClock.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ClobSimulator simulator = simulator(context);
        if (parameter.getParameter().getType() == ClobSimulator.class) {
            return simulator;
        }
        if (simulator.clock() instanceof ManualClock manual) {
            return manual;
        }
        throw new ParameterResolutionException("the simulator tells the time of " + simulator.clock()
                + ", not a ManualClock: give @ClobSimulatorTest(clock = \"2026-01-01T00:00:00Z\") or options with a ManualClock");
    }

    /** The class's simulator, started on first use and closed by JUnit when the class is done. */
    private ClobSimulator simulator(ExtensionContext context) {
        ExtensionContext classContext = context.getTestClass().isPresent() && context.getTestMethod().isPresent()
                ? context.getParent().orElse(context) : context;
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent("simulator",
                key -> ClobSimulator.start(optionsFor(classContext)), ClobSimulator.class);
    }

    private SimulatorOptions optionsFor(ExtensionContext context) {
        if (options != null) {
            return options;
        }
        return context.getTestClass()
                .map(type -> type.getAnnotation(ClobSimulatorTest.class))
                .filter(Objects::nonNull)
                .map(ClobSimulatorExtension::optionsOf)
                .orElse(SimulatorOptions.defaults());
    }

    private static SimulatorOptions optionsOf(ClobSimulatorTest annotation) {
        SimulatorOptions.Builder options = SimulatorOptions.builder().seed(annotation.seed()).tls(annotation.tls());
        if (!annotation.clock().equals(ClobSimulatorTest.SYSTEM_CLOCK)) {
            try {
                options.clock(ManualClock.at(Instant.parse(annotation.clock())));
            } catch (DateTimeParseException e) {
                throw new ExtensionConfigurationException("@ClobSimulatorTest clock must be \"" + ClobSimulatorTest.SYSTEM_CLOCK
                        + "\" or an ISO-8601 instant such as 2026-01-01T00:00:00Z, not \"" + annotation.clock() + "\"", e);
            }
        }
        return options.build();
    }
}
