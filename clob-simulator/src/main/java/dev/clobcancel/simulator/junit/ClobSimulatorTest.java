package dev.clobcancel.simulator.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against its own simulator, reset before each test; test methods take it
 * as a {@code ClobSimulator} parameter. See {@link ClobSimulatorExtension}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(ClobSimulatorExtension.class)
public @interface ClobSimulatorTest {

    /** The seed of the simulator's random source: generated ids and fault probabilities. */
    long seed() default 1;
}
