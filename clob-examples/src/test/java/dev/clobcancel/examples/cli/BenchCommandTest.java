package dev.clobcancel.examples.cli;

import static dev.clobcancel.examples.cli.CliRunner.closedLoopbackPort;
import static dev.clobcancel.simulator.OrderSpec.order;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clobcancel.domain.model.OrderId;
import dev.clobcancel.simulator.ClobSimulator;
import dev.clobcancel.simulator.exchange.OrderStatus;
import dev.clobcancel.simulator.exchange.OrderView;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code clob bench} against a real simulator over HTTP on a random loopback port. */
class BenchCommandTest {

    private static final TestAccount ACCOUNT = TestAccount.random("0x9fB29AAc15b9A4B7F17c3385939b007540f4d791");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ClobSimulator simulator;

    private final CliRunner cli = new CliRunner();

    @TempDir
    Path dir;

    @BeforeAll
    static void startSimulator() {
        simulator = ACCOUNT.startSimulator();
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @BeforeEach
    void emptyJournal() {
        simulator.clearJournal();
    }

    @AfterEach
    void noSecretWasPrinted() {
        cli.assertNeverPrinted(ACCOUNT);
    }

    @Test
    void cancelsEveryIdOnceAndPrintsTheFiguresAsOneJsonLineLast() throws IOException {
        List<String> orders = placeOrders(40);

        CliRunner.Run run = bench(idsFile(orders), "--concurrency", "8");

        assertThat(run.exitCode()).isZero();
        JsonNode figures = lastLine(run);
        assertThat(fieldNames(figures)).containsExactly("n", "canceled", "secs", "rate", "p50_ms", "p99_ms", "jit_ms");
        assertThat(figures.get("n").asInt()).isEqualTo(40);
        assertThat(figures.get("canceled").asInt()).isEqualTo(40);
        assertThat(figures.get("secs").asDouble()).isPositive();
        assertThat(figures.get("rate").asDouble()).isCloseTo(40 / figures.get("secs").asDouble(),
                org.assertj.core.data.Percentage.withPercentage(5));
        assertThat(figures.get("p50_ms").asDouble()).isPositive().isLessThanOrEqualTo(figures.get("p99_ms").asDouble());
        // The compilers' time during the timed pass only, not since the JVM started: no more than a few
        // compiler threads busy for the whole pass (the test JVM has compiled for far longer than that).
        assertThat(figures.get("jit_ms").isIntegralNumber()).isTrue();
        assertThat(figures.get("jit_ms").asLong()).isBetween(0L, (long) (figures.get("secs").asDouble() * 1000 * 4) + 1);
        assertThat(run.err()).contains("40 cancels, 8 at a time: 40 canceled, 0 not canceled, 0 failed");
        assertThat(orders).allSatisfy(order -> assertThat(status(order)).isEqualTo(OrderStatus.CANCELED));
        assertThat(simulator.journal().entries(e -> e.path().equals("/order"))).hasSize(40)
                .allSatisfy(e -> assertThat(e.method()).isEqualTo("DELETE"));
    }

    @Test
    void theWarmUpIdsAreCanceledFirstAndNotCounted() throws IOException {
        List<String> orders = placeOrders(12);

        CliRunner.Run run = bench(idsFile(orders), "--concurrency", "3", "--warmup", "5");

        assertThat(run.exitCode()).isZero();
        assertThat(lastLine(run).get("n").asInt()).isEqualTo(7);
        assertThat(lastLine(run).get("canceled").asInt()).isEqualTo(7);
        assertThat(orders).allSatisfy(order -> assertThat(status(order)).isEqualTo(OrderStatus.CANCELED));
    }

    @Test
    void ordersNotCanceledExitOneWithTheFirstReasonOnStderr() throws IOException {
        List<String> orders = placeOrders(3);
        Path file = idsFile(orders);
        bench(file);

        CliRunner.Run again = bench(file, "--concurrency", "2");

        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(lastLine(again).get("n").asInt()).isEqualTo(3);
        assertThat(lastLine(again).get("canceled").asInt()).isZero();
        assertThat(again.err()).contains("3 not canceled").contains("Order not found or already canceled");
    }

    @Test
    void aMissingFileIsABadInputAndNothingIsSent() {
        CliRunner.Run run = bench(dir.resolve("nowhere.txt"));

        assertUsageError(run, "--order-ids: no such file: " + dir.resolve("nowhere.txt"));
    }

    @Test
    void anEmptyFileIsABadInputAndNothingIsSent() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.txt"), "\n  \n");

        assertUsageError(bench(empty), "holds no order id");
    }

    @Test
    void aMalformedIdIsABadInputNamingItsLineAndNothingIsSent() throws IOException {
        String live = placeOrders(1).get(0);
        Path file = Files.writeString(dir.resolve("bad.txt"), live + "\n\n0x1234\n");

        assertUsageError(bench(file), "bad.txt line 3: invalid order id \"0x1234\"");
        assertThat(status(live)).isEqualTo(OrderStatus.LIVE);
    }

    @Test
    void aRepeatedIdIsABadInputNamingBothLines() throws IOException {
        String live = placeOrders(1).get(0);
        Path file = Files.writeString(dir.resolve("twice.txt"), live + "\n" + live.toUpperCase().replace("0X", "0x") + "\n");

        assertUsageError(bench(file), "line 2 repeats the order id of line 1");
    }

    @Test
    void aDirectoryIsABadInput() {
        assertUsageError(bench(dir), "is a directory");
    }

    @Test
    void badCountsAreUsageErrors() throws IOException {
        Path file = idsFile(placeOrders(2));

        assertUsageError(bench(file, "--concurrency", "0"), "--concurrency must be 1 to 4096, not 0");
        assertUsageError(bench(file, "--concurrency", "x"), "--concurrency");
        assertUsageError(bench(file, "--warmup", "2"), "--warmup 2 leaves none of the 2 ids");
        assertUsageError(bench(file, "--warmup", "-1"), "--warmup must be 0 or more");
    }

    @Test
    void aMissingCredentialIsAUsageError() throws IOException {
        Path file = idsFile(placeOrders(1));

        CliRunner.Run run = cli.run(ACCOUNT.envWith("CLOB_SECRET", null), "bench", "--host", host(), "--order-ids", file.toString());

        assertUsageError(run, "missing environment variable CLOB_SECRET");
    }

    @Test
    void anExchangeThatCannotBeReachedExitsThree() throws IOException {
        // Many, each refused at once: some failures come before the bench looks at the answer, some after.
        List<String> ids = java.util.stream.IntStream.range(0, 200).mapToObj(i -> String.format("0x%064x", i + 1)).toList();
        Path file = idsFile(ids);

        CliRunner.Run run = cli.run(ACCOUNT.env(), "bench", "--host", "http://127.0.0.1:" + closedLoopbackPort(),
                "--order-ids", file.toString(), "--no-retry", "--concurrency", "16");

        assertThat(run.exitCode()).as("stderr: %s", run.err()).isEqualTo(3);
        assertThat(run.err()).contains("200 failed").contains("first failure: no answer from the exchange");
        assertThat(lastLine(run).get("canceled").asInt()).isZero();
    }

    private void assertUsageError(CliRunner.Run run, String message) {
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("clob bench: ").contains(message).contains("Nothing was sent.");
        assertThat(simulator.journal().entries(e -> e.path().equals("/order"))).isEmpty();
    }

    private CliRunner.Run bench(Path ids, String... more) {
        List<String> args = new ArrayList<>(List.of("bench", "--host", host(), "--order-ids", ids.toString()));
        args.addAll(List.of(more));
        return cli.run(ACCOUNT.env(), args.toArray(String[]::new));
    }

    private Path idsFile(List<String> ids) throws IOException {
        return Files.write(Files.createTempFile(dir, "ids", ".txt"), ids, StandardCharsets.UTF_8);
    }

    private static JsonNode lastLine(CliRunner.Run run) throws IOException {
        List<String> lines = run.outLines();
        assertThat(lines).isNotEmpty();
        return JSON.readTree(lines.get(lines.size() - 1));
    }

    private static List<String> fieldNames(JsonNode json) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private static String host() {
        return simulator.baseUri().toString();
    }

    private static List<String> placeOrders(int n) {
        return IntStream.range(0, n)
                .mapToObj(i -> simulator.place(order().owner(ACCOUNT.credentials().apiKey()).market("bench-market").asset("bench-token").buy().price("0.5").size("10")).value())
                .toList();
    }

    private static OrderStatus status(String order) {
        return simulator.order(OrderId.of(order)).map(OrderView::status).orElseThrow();
    }
}
