package dev.clobcancel.testcontainers;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tests of the image: skipped, saying why, where no Docker daemon answers or the image is not
 * built, so {@code mvn -B verify} passes on such a machine; a failure instead when
 * {@code CLOB_REQUIRE_DOCKER=1} (as in CI, where a skipped run would prove nothing).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(DockerRequirement.class)
@interface RequiresDocker {
}
