package dev.clobcancel.simulator.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against its own simulator, reset before each test; test methods take it
 * as a {@code ClobSimulator} parameter, and its clock as a {@code ManualClock} one when
 * {@link #clock()} gives a start. See {@link ClobSimulatorExtension}.
 *
 * <pre>{@code
 * @ClobSimulatorTest(seed = 42, clock = "2026-05-01T12:00:00Z", tls = true)
 * class MyTest {
 *     @Test
 *     void lapses(ClobSimulator sim, ManualClock clock) { ... clock.advance(Duration.ofSeconds(11)); ... }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(ClobSimulatorExtension.class)
public @interface ClobSimulatorTest {

    /** The value of {@link #clock()} for the system clock. */
    String SYSTEM_CLOCK = "system";

    /** The seed of the simulator's random source: generated ids and fault probabilities. */
    long seed() default 1;

    /**
     * The simulator's clock: {@value #SYSTEM_CLOCK} (the default) for the system's, or an ISO-8601
     * instant such as {@code "2026-05-01T12:00:00Z"} for a {@code ManualClock} that stands there
     * until the test moves it. The manual clock is the class's, as the simulator is: reset does
     * not move it back.
     */
    String clock() default SYSTEM_CLOCK;

    /** Serve HTTPS (and WSS) with a self-signed certificate made at start; {@code sim.certificatePath()} is the PEM. */
    boolean tls() default false;
}
