package dev.clobcancel.simulator.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.clobcancel.simulator.ClobSimulator;
import dev.clobcancel.simulator.time.ManualClock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** A misused {@link ClobSimulatorTest} fails its class with a message that says what to write instead. */
class ClobSimulatorExtensionMisuseTest {

    @ClobSimulatorTest(clock = "yesterday")
    static class AClockThatIsNoInstant {
        @Test
        void runs(ClobSimulator sim) {
        }
    }

    @ClobSimulatorTest
    static class AManualClockOfASimulatorOnTheSystemClock {
        @Test
        void runs(ManualClock clock) {
        }
    }

    /** Runs {@code testClass} on its own and returns why it failed; it must fail once. */
    private static Throwable failureOf(Class<?> testClass) {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build(), listener);
        List<TestExecutionSummary.Failure> failures = listener.getSummary().getFailures();
        assertThat(failures).hasSize(1);
        return failures.get(0).getException();
    }

    @Test
    void aClockThatIsNoInstantIsRefusedByName() {
        assertThat(failureOf(AClockThatIsNoInstant.class)).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("@ClobSimulatorTest clock must be \"system\" or an ISO-8601 instant such as 2026-01-01T00:00:00Z,"
                        + " not \"yesterday\"");
    }

    @Test
    void aManualClockParameterWithoutOneSaysHowToAskForIt() {
        assertThat(failureOf(AManualClockOfASimulatorOnTheSystemClock.class)).isInstanceOf(ParameterResolutionException.class)
                .hasMessageContaining("not a ManualClock: give @ClobSimulatorTest(clock = \"2026-01-01T00:00:00Z\")");
    }
}
