package dev.clobcancel.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/architecture.md lists the adapter's public classes: the list the ArchUnit rule holds the code to. */
class PublicSurfaceDocTest {

    @Test
    void theArchitectureDocNamesEveryPublicClassOfTheAdapter() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "architecture.md"));
        String section = doc.substring(doc.indexOf("## clob-adapter-http"));

        for (String name : AdapterDependencyRulesTest.PUBLIC_CLASSES) {
            String shown = name.substring("dev.clobcancel.adapter.http.".length()).replace('$', '.');
            assertThat(section).as(name).contains("`" + shown + "`");
        }
        assertThat(section).doesNotContain("the only public class");
    }
}
