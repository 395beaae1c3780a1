#!/usr/bin/env node
// Benchmarks `clob bench` (this library) against the official @polymarket/clob-client-v2 on the
// same standalone simulator, in the same run, on loopback only, and measures the simulator itself.
// Warm runs time the cancels after a warm-up inside the process; cold runs time a fresh process
// from its spawn to its exit, cancelling --cold-n orders with no warm-up: what a user feels.
//
//   node bench/run.mjs [--quick] [--n N] [--latency-n L] [--warmup W] [--cold-n K] [--rounds R] [--book B]
//                      [--sim-concurrency C]
//
// SIM_JAVA_OPTS and BENCH_JAVA_OPTS add JVM options to the simulator and to `clob bench`, such as
// -XX:StartFlightRecording=filename=sim.jfr,settings=profile to profile either.
//
// Prints a line per measurement, then the ratios against the targets, then one JSON line
// with every figure. Every loop is bounded, every child process has a time limit, and the
// simulator is killed on every way out. See docs/benchmarks.md.

import { spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { newMarket, newSecret, seedOrders, walletFor } from "../interop/lib/accounts.mjs";
import { adminExpect, procStat } from "../interop/lib/sim.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "..");
const SIM_JAR = path.join(ROOT, "clob-simulator", "target", "clob-simulator.jar");
const CLI_JAR = path.join(ROOT, "clob-examples", "target", "clob-examples.jar");
const LAUNCHER = path.join(ROOT, "clob-examples", "target", "clob"); // the jar on a JVM set up for short runs
const OFFICIAL = path.join(HERE, "official-bench.mjs");

const SEED_BATCH = 1000; // orders per POST /_sim/orders (about 280 KB), inside its 1 MiB body limit
const SEED_ATTEMPTS = 3; // per batch
const PATIENCE_MS = "120000"; // the longest one cancel of `clob bench` waits for its answer
const CHILD_TIMEOUT_MS = 300_000; // one bench process
const SIM_START_TIMEOUT_MS = 60_000; // generous: on a machine shared with other builds the JVM starts slowly
const WATCHDOG_MS = 30 * 60_000; // the whole run

// Each bench process is a fresh JVM: its warm-up lets the JIT compile the hot path before the timing
// starts (the official client gets the same warm-up). One at a time, half the warm-up is enough.
const FULL = { n: 100_000, latencyN: 5_000, warmup: 60_000, coldN: 20_000, rounds: 3, book: 1_000_000, simConcurrency: 128 };
const QUICK = { n: 2_000, latencyN: 200, warmup: 500, coldN: 2_000, rounds: 1, book: 20_000, simConcurrency: 128 };

function parseArgs(argv) {
  const opts = { ...(argv.includes("--quick") ? QUICK : FULL) };
  const names = {
    "--n": "n", "--latency-n": "latencyN", "--warmup": "warmup", "--cold-n": "coldN", "--rounds": "rounds", "--book": "book",
    "--sim-concurrency": "simConcurrency",
  };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--quick") continue;
    const key = names[argv[i]];
    const value = Number(argv[i + 1]);
    if (!key || !Number.isInteger(value) || value < 1 || value > 10_000_000) {
      console.error(`run.mjs: bad option ${argv[i]} ${argv[i + 1] ?? ""}: want a whole number 1 to 10000000\n`
        + "usage: node bench/run.mjs [--quick] [--n N] [--latency-n L] [--warmup W] [--cold-n K] [--rounds R] [--book B] "
        + "[--sim-concurrency C]");
      process.exit(2);
    }
    opts[key] = value;
    i++;
  }
  if (opts.book < 1000) {
    console.error("run.mjs: --book must be at least 1000 (the small book the large one is compared with)");
    process.exit(2);
  }
  return opts;
}

// ------------------------------------------------------------------ the simulator process

/** JVM options from an environment variable, split on spaces. */
const javaOpts = (name) => (process.env[name] ?? "").split(" ").filter((o) => o !== "");

let sim = null; // {child, pid, url}

const simAlive = () => sim && sim.child.exitCode === null && sim.child.signalCode === null;

function killSim() {
  if (simAlive()) sim.child.kill("SIGKILL");
}

/** SIGTERM (a flight recording is written then), and SIGKILL if it is not gone within 10 s. */
async function stopSim() {
  if (!simAlive()) return;
  const exited = new Promise((resolve) => sim.child.once("exit", resolve));
  sim.child.kill("SIGTERM");
  let timer;
  await Promise.race([exited, new Promise((resolve) => { timer = setTimeout(resolve, 10_000); })]);
  clearTimeout(timer);
  killSim();
}

/** Starts the jar; resolves once GET /time answers, with how long that took from the spawn. */
async function startSim(moreOpts = []) {
  const started = performance.now();
  const child = spawn("java", [...javaOpts("SIM_JAVA_OPTS"), ...moreOpts, "-jar", SIM_JAR, "--port", "0", "--host", "127.0.0.1"], { stdio: ["ignore", "pipe", "inherit"] });
  sim = { child, pid: child.pid, url: null };
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the simulator printed no URL within ${SIM_START_TIMEOUT_MS} ms`)), SIM_START_TIMEOUT_MS);
    let buf = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk) => {
      buf += chunk;
      const m = /http:\/\/127\.0\.0\.1:\d+/.exec(buf);
      if (m) {
        clearTimeout(timer);
        resolve(m[0]);
      }
    });
    child.on("exit", (code) => reject(new Error(`the simulator exited (${code}) before printing its URL`)));
  });
  const printedMs = performance.now() - started;
  for (let i = 0; i < 1000; i++) { // at most 1000 polls of at most 1 s each
    try {
      const res = await fetch(`${url}/time`, { signal: AbortSignal.timeout(1000) });
      await res.text();
      if (res.ok) {
        sim.url = url;
        return { printedMs, answeredMs: performance.now() - started };
      }
    } catch {
      await new Promise((r) => setTimeout(r, 5));
    }
  }
  throw new Error(`the simulator at ${url} did not answer GET /time`);
}

/**
 * CPU milliseconds the simulator's JIT compiler threads have used so far, from /proc (their names begin
 * "C1 CompilerThre" and "C2 CompilerThre"), or null where /proc does not say.
 */
function simJitCpuMs() {
  const dir = `/proc/${sim.pid}/task`;
  if (!existsSync(dir)) return null;
  let ms = 0;
  for (const task of readdirSync(dir)) {
    let stat;
    try {
      stat = procStat(readFileSync(`${dir}/${task}/stat`, "utf8"));
    } catch {
      continue; // the thread ended meanwhile
    }
    if (/^C[12] CompilerThre/.test(stat.name)) ms += stat.userMs + stat.sysMs;
  }
  return ms;
}

/** The simulator's resident memory, from /proc: {rssMiB, hwmMiB}. */
function simMemory() {
  const status = readFileSync(`/proc/${sim.pid}/status`, "utf8");
  const kib = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
  return { rssMiB: Math.round(kib("VmRSS") / 1024), hwmMiB: Math.round(kib("VmHWM") / 1024) };
}

// ------------------------------------------------------------------ accounts and orders

/** A registered account, with the private key of its wallet (the official client signs with it). */
async function newAccount(base) {
  const privateKey = `0x${randomBytes(32).toString("hex")}`;
  const address = walletFor(privateKey).account.address;
  const creds = { key: randomUUID(), secret: newSecret(), passphrase: randomBytes(16).toString("hex") };
  await adminExpect(base, "POST", "/_sim/accounts",
    { apiKey: creds.key, secret: creds.secret, passphrase: creds.passphrase, address }, 201);
  return {
    privateKey, address, creds,
    env: {
      CLOB_API_KEY: creds.key, CLOB_SECRET: creds.secret, CLOB_PASS_PHRASE: creds.passphrase,
      CLOB_ADDRESS: address, CLOB_PRIVATE_KEY: privateKey,
    },
  };
}

/** `n` live orders of `account` in one asset, over ten price levels; their ids, in order. */
async function seed(base, account, market, n) {
  const ids = [];
  for (let done = 0; done < n; done += SEED_BATCH) {
    const batch = Array.from({ length: Math.min(SEED_BATCH, n - done) }, (_, i) => ({
      owner: account.creds.key, market: market.market, assetId: market.assets[0],
      side: "BUY", price: `0.${40 + ((done + i) % 10)}`, size: "10",
    }));
    // A simulator on a machine busy with other work can take longer than the admin call's 5 s: try
    // again (a batch that was seeded after all only leaves more orders on the book, never fewer).
    for (let attempt = 1; ; attempt++) {
      try {
        ids.push(...(await seedOrders(base, batch)));
        break;
      } catch (err) {
        if (attempt === SEED_ATTEMPTS) throw new Error(`seeding ${batch.length} orders failed ${attempt} times: ${String(err.message).slice(-300)}`);
      }
    }
  }
  return ids;
}

let scratch; // the folder of the ids files
let files = 0;

function idsFile(ids) {
  const file = path.join(scratch, `ids-${++files}.txt`);
  writeFileSync(file, `${ids.join("\n")}\n`);
  return file;
}

// ------------------------------------------------------------------ the two benches

/** The command of a bench process: "ours" is `java -jar`, "clob" the launcher beside the jar, "official" node. */
function benchCommand(who, args) {
  // Sent once each, and as patient as the official client, which has no timeout at all: on a machine busy
  // with other work an answer can take longer than the library's default 5 s.
  const ourArgs = ["bench", ...args, "--no-retry", "--attempt-timeout-ms", PATIENCE_MS, "--deadline-ms", PATIENCE_MS];
  if (who === "ours") return ["java", [...javaOpts("BENCH_JAVA_OPTS"), "-jar", CLI_JAR, ...ourArgs], {}];
  if (who === "clob") return [LAUNCHER, ourArgs, { JAVA_OPTS: process.env.BENCH_JAVA_OPTS ?? "" }];
  return ["node", [OFFICIAL, ...args], {}];
}

/**
 * Runs one bench process; resolves with its JSON line and `wall_secs`, the time from its spawn to its
 * exit (the process's start and end included). `who`: "ours", "clob" or "official".
 */
function bench(who, account, file, concurrency, warmup) {
  const args = ["--host", sim.url, "--order-ids", file, "--concurrency", String(concurrency), "--warmup", String(warmup)];
  const [cmd, argv, env] = benchCommand(who, args);
  return new Promise((resolve, reject) => {
    const spawned = performance.now();
    const child = spawn(cmd, argv, { env: { ...process.env, ...account.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => { out += d; });
    child.stderr.on("data", (d) => { err += d; });
    const timer = setTimeout(() => child.kill("SIGKILL"), CHILD_TIMEOUT_MS);
    child.on("exit", (code) => {
      clearTimeout(timer);
      const last = out.trim().split("\n").pop();
      if (code !== 0) {
        reject(new Error(`${who} bench exited ${code}\n${err.trim()}\n${out.trim()}`));
        return;
      }
      resolve({ ...JSON.parse(last), wall_secs: (performance.now() - spawned) / 1000 });
    });
  });
}

/** Seeds warm-up plus timed orders for `account` and runs `who` on them. */
async function measure(who, account, market, n, warmup, concurrency) {
  const ids = await seed(sim.url, account, market, warmup + n);
  const figures = await bench(who, account, idsFile(ids), concurrency, warmup);
  if (figures.canceled !== n) throw new Error(`${who}: ${figures.canceled} of ${n} canceled`);
  // jit_ms (ours only): the JVM's compile time during the timed cancels; far from 0, they were not warm.
  const jit = figures.jit_ms == null ? "" : `  jit ${figures.jit_ms} ms`;
  console.log(`  ${who.padEnd(8)} c=${String(concurrency).padEnd(4)} n=${n}: ${figures.rate.toFixed(0).padStart(6)}/s `
    + `p50 ${figures.p50_ms.toFixed(3)} ms  p99 ${figures.p99_ms.toFixed(3)} ms${jit}`);
  return figures;
}

const SIM_WARM_BATCHES = 6; // at most, after the first warm-up
const SIM_JIT_QUIET = 0.05; // the compilers' share of a batch's wall time under which the simulator counts as warm

/** Cancels through the simulator, 64 in flight, until its JIT compilers are quiet or the batches run out. */
async function warmSimulator(account, market, opts) {
  console.log(`warming the simulator up: ${opts.warmup + opts.n} cancels, then batches of ${opts.n} until its JIT is quiet`);
  await measure("ours", account, market, opts.n, opts.warmup, 64);
  for (let batch = 1; batch <= SIM_WARM_BATCHES; batch++) {
    const jitBefore = simJitCpuMs();
    const started = performance.now();
    await measure("ours", account, market, opts.n, 0, 64);
    const jitMs = simJitCpuMs() - jitBefore;
    const share = jitMs / (performance.now() - started);
    console.log(`    the simulator's JIT compilers: ${jitMs} ms of CPU in that batch, ${(share * 100).toFixed(1)}% of its time`);
    if (!(share >= SIM_JIT_QUIET)) return; // quiet, or /proc cannot tell (NaN)
  }
  console.log(`    still compiling after ${SIM_WARM_BATCHES} batches: the figures below carry some of the JIT's cost`);
}

/** A fresh process cancels `n` new orders, 64 in flight, no warm-up; rated by the time from spawn to exit. */
async function measureCold(who, account, market, n) {
  const ids = await seed(sim.url, account, market, n);
  const figures = await bench(who, account, idsFile(ids), 64, 0);
  if (figures.canceled !== n) throw new Error(`${who} (cold): ${figures.canceled} of ${n} canceled`);
  const cold = { rate: Math.round((n / figures.wall_secs) * 10) / 10, wall_secs: figures.wall_secs, in_process_secs: figures.secs };
  console.log(`  ${who.padEnd(8)} cold n=${n}: ${cold.rate.toFixed(0).padStart(6)}/s from spawn to exit `
    + `(${cold.wall_secs.toFixed(2)} s; the cancels ${figures.secs.toFixed(2)} s of it)`);
  return cold;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const mid = (runs) => ({
  rate: median(runs.map((r) => r.rate)), p50_ms: median(runs.map((r) => r.p50_ms)), p99_ms: median(runs.map((r) => r.p99_ms)),
});

// ------------------------------------------------------------------ the run

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  for (const jar of [SIM_JAR, CLI_JAR, LAUNCHER]) {
    if (!existsSync(jar)) throw new Error(`${jar} not found: build first (mvn -B -q install -DskipTests)`);
  }
  scratch = mkdtempSync(path.join(tmpdir(), "clob-bench-"));
  console.log(`# ${cpus().length} cores; n=${opts.n} after a warm-up of ${opts.warmup}, latency n=${opts.latencyN}, `
    + `${opts.rounds} round(s), large book ${opts.book}`);

  // A fresh simulator: how soon it answers, and its memory empty and with exactly `book` live orders;
  // then again with the serial collector, which keeps the heap (and so the RSS) close to what is live.
  const fresh = await startSim();
  const empty = simMemory();
  const seedStarted = performance.now();
  await seed(sim.url, await newAccount(sim.url), newMarket(), opts.book);
  const seedSecs = (performance.now() - seedStarted) / 1000;
  const full = simMemory();
  console.log(`simulator: first answer ${fresh.answeredMs.toFixed(0)} ms after the spawn (URL printed at `
    + `${fresh.printedMs.toFixed(0)} ms); RSS ${empty.rssMiB} MiB empty, ${full.rssMiB} MiB with ${opts.book} live orders `
    + `(seeded in ${seedSecs.toFixed(1)} s)`);
  await stopSim();
  await startSim(["-XX:+UseSerialGC"]);
  await seed(sim.url, await newAccount(sim.url), newMarket(), opts.book);
  const serial = simMemory();
  console.log(`  with -XX:+UseSerialGC: RSS ${serial.rssMiB} MiB with ${opts.book} live orders`);
  await stopSim();

  const start = await startSim();
  const ours = await newAccount(sim.url);
  const official = await newAccount(sim.url);
  const market = newMarket();
  // Both clients meet a simulator whose JIT has warmed up, not the first one to run: it is warmed until
  // its compilers go quiet (on a slow machine C2 compiles the hot path for 100,000 cancels and more).
  await warmSimulator(ours, market, opts);
  const latencyWarmup = Math.ceil(opts.warmup / 2);
  const runs = { ours64: [], official64: [], ours1: [], official1: [], oursCold: [], clobCold: [], officialCold: [] };
  for (let round = 1; round <= opts.rounds; round++) {
    // Each goes first in every other round, so that neither always meets the other's leftovers.
    const order = round % 2 === 1 ? ["ours", "official"] : ["official", "ours"];
    console.log(`round ${round}: cold, then 64 cancels in flight, then one at a time (${order.join(" first, then ")})`);
    // Cold: `java -jar`, the `clob` launcher (the same jar), and the official client, each a fresh process.
    for (const who of round % 2 === 1 ? ["ours", "clob", "official"] : ["official", "clob", "ours"]) {
      runs[`${who}Cold`].push(await measureCold(who, who === "official" ? official : ours, market, opts.coldN));
    }
    for (const who of order) runs[`${who}64`].push(await measure(who, who === "ours" ? ours : official, market, opts.n, opts.warmup, 64));
    for (const who of order) runs[`${who}1`].push(await measure(who, who === "ours" ? ours : official, market, opts.latencyN, latencyWarmup, 1));
  }

  console.log(`the simulator, ours as the load (${opts.simConcurrency} in flight): 1000 live orders, then ${opts.book}`);
  const load = await newAccount(sim.url);
  const book = newMarket();
  await seed(sim.url, load, book, 1000);
  const small = {
    rate: await measure("ours", load, book, opts.n, opts.warmup, opts.simConcurrency),
    latency: await measure("ours", load, book, opts.latencyN, latencyWarmup, 1),
  };
  await seed(sim.url, load, book, opts.book - 1000);
  const large = {
    rate: await measure("ours", load, book, opts.n, opts.warmup, opts.simConcurrency),
    latency: await measure("ours", load, book, opts.latencyN, latencyWarmup, 1),
  };
  await stopSim();

  const o64 = mid(runs.ours64);
  const f64 = mid(runs.official64);
  const o1 = mid(runs.ours1);
  const f1 = mid(runs.official1);
  const ratio = (a, b) => Math.round((a / b) * 100) / 100;
  const coldOf = (list) => ({ rate: median(list.map((r) => r.rate)), wall_secs: median(list.map((r) => r.wall_secs)) });
  const oc = coldOf(runs.oursCold);
  const cc = coldOf(runs.clobCold);
  const fc = coldOf(runs.officialCold);
  const startMs = Math.round(Math.max(fresh.answeredMs, start.answeredMs));
  const results = {
    throughput_c64: { ours: o64.rate, official: f64.rate, ratio: ratio(o64.rate, f64.rate) },
    cold_c64: {
      n: opts.coldN, ours: oc.rate, clob: cc.rate, official: fc.rate, ratio: ratio(oc.rate, fc.rate),
      clob_ratio: ratio(cc.rate, fc.rate), ours_wall_secs: oc.wall_secs, clob_wall_secs: cc.wall_secs,
      official_wall_secs: fc.wall_secs,
    },
    latency_c1: {
      ours_p50_ms: o1.p50_ms, official_p50_ms: f1.p50_ms, p50_ratio: ratio(o1.p50_ms, f1.p50_ms),
      ours_p99_ms: o1.p99_ms, official_p99_ms: f1.p99_ms, p99_ratio: ratio(o1.p99_ms, f1.p99_ms),
    },
    simulator: {
      rate_small_book: small.rate.rate, rate_large_book: large.rate.rate,
      p50_ms_small_book: small.latency.p50_ms, p50_ms_large_book: large.latency.p50_ms,
      p99_ms_small_book: small.latency.p99_ms, p99_ms_large_book: large.latency.p99_ms,
      large_book: opts.book, start_ms: startMs, rss_empty_mib: empty.rssMiB, rss_large_book_mib: full.rssMiB,
      rss_large_book_serial_gc_mib: serial.rssMiB,
    },
  };
  const verdict = (ok) => (ok ? "met" : "MISSED");
  console.log(`\nresults (medians of ${opts.rounds} round(s))`);
  console.log(`  throughput, 64 in flight: ours ${o64.rate}/s, official ${f64.rate}/s: ${results.throughput_c64.ratio}x `
    + `(target >= 5x: ${verdict(results.throughput_c64.ratio >= 5)})`);
  console.log(`  cold, a fresh process cancelling ${opts.coldN}, 64 in flight, spawn to exit: java -jar ${oc.rate}/s `
    + `(${oc.wall_secs.toFixed(2)} s), the clob launcher ${cc.rate}/s (${cc.wall_secs.toFixed(2)} s), official ${fc.rate}/s `
    + `(${fc.wall_secs.toFixed(2)} s): ${results.cold_c64.ratio}x with java -jar (target >= 3x: `
    + `${verdict(results.cold_c64.ratio >= 3)}), ${results.cold_c64.clob_ratio}x with the launcher `
    + `(${verdict(results.cold_c64.clob_ratio >= 3)})`);
  console.log(`  latency, one at a time: p50 ours ${o1.p50_ms} ms, official ${f1.p50_ms} ms: ${results.latency_c1.p50_ratio} `
    + `(target <= 0.5: ${verdict(results.latency_c1.p50_ratio <= 0.5)}); p99 ours ${o1.p99_ms} ms, official ${f1.p99_ms} ms`);
  console.log(`  simulator: ${small.rate.rate}/s with 1000 live orders, ${large.rate.rate}/s with ${opts.book} `
    + `(target >= 20000/s: ${verdict(Math.min(small.rate.rate, large.rate.rate) >= 20000)}); `
    + `one at a time p50 ${small.latency.p50_ms} vs ${large.latency.p50_ms} ms`);
  console.log(`  simulator start: ${startMs} ms to its first answer, the slower of two starts (target < 1000: `
    + `${verdict(startMs < 1000)}); RSS ${empty.rssMiB} MiB empty, ${full.rssMiB} MiB with ${opts.book} live orders `
    + `(${serial.rssMiB} MiB with -XX:+UseSerialGC)`);
  console.log(JSON.stringify(results));
}

process.on("exit", () => {
  killSim();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => process.exit(1));
const watchdog = setTimeout(() => {
  console.error(`run.mjs: not done within ${WATCHDOG_MS / 60_000} minutes; stopping`);
  process.exit(1);
}, WATCHDOG_MS);
main().then(
  () => {
    clearTimeout(watchdog);
    process.exit(0);
  },
  (err) => {
    console.error(`run.mjs: ${err?.stack ?? err}`);
    process.exit(1);
  },
);
