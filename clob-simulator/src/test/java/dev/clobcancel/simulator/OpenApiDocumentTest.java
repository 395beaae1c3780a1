package dev.clobcancel.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.clobcancel.simulator.core.Scenario;
import dev.clobcancel.simulator.http.SimulatorHttp;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The OpenAPI document describes exactly the routes the simulator serves, and it serves that document. */
class OpenApiDocumentTest {

    private static final String OPENAPI_RESOURCE = "/dev/clobcancel/simulator/openapi.yaml";

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close();
    }

    /** {@code METHOD /path/{param}} of every route, the admin sub-router's under the path it is mounted at. */
    private Set<String> served() {
        SimulatorState state = new SimulatorState(1, Clock.systemUTC(), Duration.ofSeconds(60), 10, Scenario.EMPTY);
        Set<String> routes = new TreeSet<>();
        collect((Router) SimulatorHttp.requestHandler(vertx, state), "", routes);
        return routes;
    }

    private static void collect(Router router, String mountedAt, Set<String> routes) {
        for (Route route : router.getRoutes()) {
            if (route.getSubRouter() != null) {
                collect(route.getSubRouter(), mountedAt + route.getPath().replaceFirst("/$", ""), routes);
            } else if (route.getPath() != null && route.methods() != null) {
                String path = mountedAt + route.getPath().replaceAll(":(\\w+)", "{$1}");
                for (HttpMethod method : route.methods()) {
                    routes.add(method.name() + " " + path);
                }
            }
        }
    }

    @Test
    void theAdminApiIsOneSubRouterAtSimAndNoAdminRouteIsOutsideIt() {
        Router router = (Router) SimulatorHttp.requestHandler(vertx,
                new SimulatorState(1, Clock.systemUTC(), Duration.ofSeconds(60), 10, Scenario.EMPTY));

        assertThat(router.getRoutes()).filteredOn(route -> route.getSubRouter() != null)
                .singleElement().satisfies(route -> assertThat(route.getPath()).startsWith(SimulatorHttp.ADMIN_PATH));
        assertThat(router.getRoutes()).filteredOn(route -> route.getSubRouter() == null && route.getPath() != null)
                .extracting(Route::getPath).isNotEmpty().noneMatch(path -> path.startsWith(SimulatorHttp.ADMIN_PATH));
    }

    private static JsonNode document() throws IOException {
        try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            assertThat(in).as("the document on the class path").isNotNull();
            return new YAMLMapper().readTree(in);
        }
    }

    @Test
    void everyServedRouteIsDocumentedAndNothingElse() throws IOException {
        Set<String> documented = new TreeSet<>();
        JsonNode paths = document().get("paths");
        for (Iterator<String> it = paths.fieldNames(); it.hasNext(); ) {
            String path = it.next();
            paths.get(path).fieldNames().forEachRemaining(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path));
        }

        assertThat(documented).isEqualTo(served());
    }

    @Test
    void theServedDocumentIsTheOneInDocs() throws IOException {
        Path docs = Path.of(System.getProperty("repo.root", "..")).resolve("docs/openapi.yaml");
        try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            assertThat(new String(in.readAllBytes())).isEqualTo(Files.readString(docs));
        }
    }
}
