package dev.clobcancel.simulator.cli;

import dev.clobcancel.simulator.ClobSimulator;
import dev.clobcancel.simulator.SimulatorOptions;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code java -jar clob-simulator.jar --port N [--host H] [--seed S]}: serves until stopped. */
@Command(name = "clob-simulator", mixinStandardHelpOptions = true,
        description = "A fake Polymarket CLOB for local development and CI.")
public final class SimulatorMain implements Callable<Integer> {

    @Option(names = "--port", description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port = 8080;

    @Option(names = "--host", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host = SimulatorOptions.LOOPBACK;

    @Option(names = "--seed", description = "Seed of generated order ids (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Override
    public Integer call() throws InterruptedException {
        ClobSimulator simulator = ClobSimulator.start(SimulatorOptions.defaults().withHost(host).withPort(port).withSeed(seed));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "clob-simulator-shutdown"));
        // Scripts wait for this line to know the simulator is ready, and read the URL from it.
        System.out.println("clob-simulator listening on " + simulator.baseUri());
        System.out.flush();
        stopped.await();
        return 0;
    }

    public static void main(String[] args) {
        int exit = new CommandLine(new SimulatorMain()).execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }
}
