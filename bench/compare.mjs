#!/usr/bin/env node
// Two builds of this project under the same load, on the same machine, in alternating rounds: is a
// change in the figures the code's or the machine's? Each round starts a simulator of one build,
// seeds orders, and runs that build's `clob bench` on them (64 in flight, after a warm-up of as many
// cancels), then the same for the other build. Besides the rate, it prints the CPU each process
// spent per cancel (from /proc and the bench's own rusage), which a busy machine disturbs far less
// than the rate.
//
//   node bench/compare.mjs A_DIR B_DIR [--n N] [--rounds R]
//
// A_DIR and B_DIR are checkouts with built jars (clob-simulator/target/clob-simulator.jar and
// clob-examples/target/clob-examples.jar). bench/compare.sh builds a commit and calls this.
// Loopback only; every child process has a time limit and the simulator is killed on every way out.

import { spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { newMarket, newSecret, seedOrders, walletFor } from "../interop/lib/accounts.mjs";
import { adminExpect, killSimulatorNow, procStat, simPid, startSimulator, stopSimulator } from "../interop/lib/sim.mjs";

const CHILD_TIMEOUT_MS = 300_000;

function parseArgs(argv) {
  const opts = { dirs: [], n: 20_000, rounds: 2 };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--n" || argv[i] === "--rounds") {
      const value = Number(argv[i + 1]);
      if (!Number.isInteger(value) || value < 1 || value > 1_000_000) usage(`bad ${argv[i]} ${argv[i + 1] ?? ""}`);
      opts[argv[i].slice(2)] = value;
      i++;
    } else {
      opts.dirs.push(path.resolve(argv[i]));
    }
  }
  if (opts.dirs.length !== 2) usage("want two build directories");
  return opts;
}

function usage(problem) {
  console.error(`compare.mjs: ${problem}\nusage: node bench/compare.mjs A_DIR B_DIR [--n N] [--rounds R]`);
  process.exit(2);
}

/** User and system CPU seconds of a live process, from /proc. */
function cpuOf(pid) {
  const stat = procStat(readFileSync(`/proc/${pid}/stat`, "utf8"));
  return { user: stat.userMs / 1000, sys: stat.sysMs / 1000 };
}

function run(cmd, args, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => { out += d; });
    child.stderr.on("data", (d) => { err += d; });
    const timer = setTimeout(() => child.kill("SIGKILL"), CHILD_TIMEOUT_MS);
    child.on("exit", (code) => {
      clearTimeout(timer);
      if (code === 0) resolve({ out, err });
      else reject(new Error(`${cmd} ${args.join(" ")} exited ${code}\n${err.slice(-2000)}`));
    });
  });
}

/** One build: a fresh simulator, 2n seeded orders, `clob bench` on them; the figures. */
async function measure(dir, n, scratch) {
  const url = await startSimulator(path.join(dir, "clob-simulator", "target", "clob-simulator.jar"));
  try {
    const privateKey = `0x${randomBytes(32).toString("hex")}`;
    const address = walletFor(privateKey).account.address;
    const creds = { key: randomUUID(), secret: newSecret(), passphrase: randomBytes(16).toString("hex") };
    await adminExpect(url, "POST", "/_sim/accounts",
      { apiKey: creds.key, secret: creds.secret, passphrase: creds.passphrase, address }, 201);
    const market = newMarket();
    const ids = [];
    for (let done = 0; done < 2 * n; done += 1000) {
      ids.push(...await seedOrders(url, Array.from({ length: Math.min(1000, 2 * n - done) }, (_, i) => ({
        owner: creds.key, market: market.market, assetId: market.assets[0], side: "BUY",
        price: `0.${40 + ((done + i) % 10)}`, size: "10",
      }))));
    }
    const file = path.join(scratch, "ids.txt");
    writeFileSync(file, `${ids.join("\n")}\n`);
    const simBefore = cpuOf(simPid());
    const env = { CLOB_API_KEY: creds.key, CLOB_SECRET: creds.secret, CLOB_PASS_PHRASE: creds.passphrase, CLOB_ADDRESS: address };
    // /usr/bin/time's %U and %S: the CPU of the bench process, its JIT and collector threads included.
    const { out, err } = await run("/usr/bin/time", ["-f", "cpu %U %S", "java", "-jar",
      path.join(dir, "clob-examples", "target", "clob-examples.jar"), "bench", "--host", url, "--order-ids", file,
      "--concurrency", "64", "--warmup", String(n), "--no-retry", "--attempt-timeout-ms", "120000",
      "--deadline-ms", "120000"], env);
    const simAfter = cpuOf(simPid());
    const figures = JSON.parse(out.trim().split("\n").pop());
    const [, user, sys] = /cpu ([\d.]+) ([\d.]+)/.exec(err);
    const perCancelUs = (secs) => Math.round((secs / (2 * n)) * 1e6);
    return {
      rate: Math.round(figures.rate), p50_ms: figures.p50_ms, canceled: figures.canceled,
      client_cpu_us: perCancelUs(Number(user) + Number(sys)),
      sim_cpu_us: perCancelUs(simAfter.user - simBefore.user + simAfter.sys - simBefore.sys),
    };
  } finally {
    await stopSimulator();
  }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  for (const dir of opts.dirs) {
    for (const jar of ["clob-simulator/target/clob-simulator.jar", "clob-examples/target/clob-examples.jar"]) {
      if (!existsSync(path.join(dir, jar))) throw new Error(`${path.join(dir, jar)} not found: build that checkout first`);
    }
  }
  if (!existsSync("/usr/bin/time")) throw new Error("/usr/bin/time not found (Debian: apt-get install time)");
  const scratch = mkdtempSync(path.join(tmpdir(), "clob-compare-"));
  const results = opts.dirs.map(() => []);
  try {
    for (let round = 1; round <= opts.rounds; round++) {
      // Each build goes first in every other round, so that neither always meets the other's leftovers.
      const order = round % 2 === 1 ? [0, 1] : [1, 0];
      for (const which of order) {
        const r = await measure(opts.dirs[which], opts.n, scratch);
        if (r.canceled !== opts.n) throw new Error(`${opts.dirs[which]}: ${r.canceled} of ${opts.n} canceled`);
        results[which].push(r);
        console.log(`round ${round} ${"AB"[which]} ${opts.dirs[which]}: ${r.rate}/s p50 ${r.p50_ms} ms, CPU per cancel: `
          + `client ${r.client_cpu_us} µs, simulator ${r.sim_cpu_us} µs`);
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const summary = results.map((runs, i) => ({
    build: opts.dirs[i], rate: median(runs.map((r) => r.rate)),
    client_cpu_us: median(runs.map((r) => r.client_cpu_us)), sim_cpu_us: median(runs.map((r) => r.sim_cpu_us)),
  }));
  console.log(JSON.stringify({ n: opts.n, rounds: opts.rounds, builds: summary }));
}

process.on("exit", killSimulatorNow);
main().catch((err) => {
  console.error(`compare.mjs: ${err.stack ?? err}`);
  process.exit(1);
});
