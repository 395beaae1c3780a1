package dev.clobcancel.testcontainers;

import com.github.dockerjava.api.exception.NotFoundException;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/** The condition behind {@link RequiresDocker}. */
final class DockerRequirement implements ExecutionCondition {

    static final String REQUIRE = "CLOB_REQUIRE_DOCKER";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String image = ClobSimulatorContainer.defaultImage().asCanonicalNameString();
        Optional<String> missing = missing(image);
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled("Docker answers and " + image + " is built");
        }
        if ("1".equals(System.getenv(REQUIRE))) {
            throw new IllegalStateException(missing.get() + "; " + REQUIRE + "=1 makes that a failure");
        }
        return ConditionEvaluationResult.disabled("skipped: " + missing.get() + " (" + REQUIRE + "=1 makes that a failure)");
    }

    private static Optional<String> missing(String image) {
        try {
            if (!DockerClientFactory.instance().isDockerAvailable()) {
                return Optional.of("no Docker daemon answers");
            }
            DockerClientFactory.instance().client().inspectImageCmd(image).exec();
            return Optional.empty();
        } catch (NotFoundException e) {
            return Optional.of("the image " + image + " is not built (docker/build-image.sh builds it)");
        } catch (RuntimeException e) {
            // Such as a reaper image that cannot be pulled: TESTCONTAINERS_RYUK_DISABLED=true is needed then.
            return Optional.of("Docker is not usable by Testcontainers: " + e.getMessage());
        }
    }
}
