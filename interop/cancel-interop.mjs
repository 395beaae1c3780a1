#!/usr/bin/env node
// Interop check: the OFFICIAL, unmodified @polymarket/clob-client-v2 against the
// standalone CLOB simulator as CLOB V2 runs: the cancel family and the 1000-id
// batch limit, GET /version, exchange modes (post-only included), delayed
// orders, faults, order reads, the order book, heartbeats (chains from "", a
// stale id resumed), the per-signer rate limits and their headers, and the
// request journal, and the user and market WebSocket channels heard by a
// plain `ws` client while the official client cancels and fills. The archived
// @polymarket/clob-client 5.8.1 is kept only for what V2 does not send (a
// heartbeat chain started with null).
//
//   node cancel-interop.mjs [path/to/clob-simulator.jar]
//
// Starts the simulator jar on a free loopback port, registers accounts and
// seeds orders through the simulator's admin API (/_sim/...), then drives the
// official ClobClient against it. Prints one "ok - ..." / "not ok - ..." line
// per check and a final "N passed, M failed" line; exits non-zero on any
// failure. The simulator process is killed in every case. Every wait is
// bounded and a watchdog ends the whole run well under 60 s.
//
// The checks live in checks/*.mjs, one file per area; lib/ holds the
// simulator process and admin API (sim.mjs), accounts and clients
// (accounts.mjs), reporting (report.mjs) and a read-only tap on the client's
// HTTP exchanges (wiretap.mjs).

import path from "node:path";
import { fileURLToPath } from "node:url";
import { inspect } from "node:util";

import { batchCancelChecks, batchLimitChecks } from "./checks/cancel-batch.mjs";
import { cancelOrderChecks } from "./checks/cancel-order.mjs";
import { channelChecks } from "./checks/channels.mjs";
import { delayedChecks } from "./checks/delayed.mjs";
import { faultChecks } from "./checks/faults.mjs";
import { heartbeatChecks } from "./checks/heartbeats.mjs";
import { journalChecks } from "./checks/journal.mjs";
import { modeChecks } from "./checks/modes.mjs";
import { ordersFlowChecks } from "./checks/orders-flow.mjs";
import { rateLimitChecks } from "./checks/rate-limits.mjs";
import { readChecks } from "./checks/reads.mjs";
import { versionChecks } from "./checks/version.mjs";
import { Abort, anyFailed, check, exitCode, note, notOk, Skip, summary } from "./lib/report.mjs";
import {
  killSimulatorNow,
  simAlive,
  simExitStatus,
  simOutputTail,
  simStarted,
  simTailShown,
  startSimulator,
  stopSimulator,
} from "./lib/sim.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const JAR = process.argv[2]
  ? path.resolve(process.argv[2])
  : path.resolve(HERE, "..", "clob-simulator", "target", "clob-simulator.jar");
const WATCHDOG_MS = 55_000; // whole run

// Last-resort cleanup: never leave the JVM behind, whatever happens.
process.on("exit", killSimulatorNow);
for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(sig, () => {
    console.log(`# interrupted by ${sig}`);
    console.log(summary(1));
    process.exit(1); // 'exit' handler kills the simulator
  });
}

/** Runs one area; a failed setup (Skip) or an unexpected error ends only that area. */
async function area(name, fn) {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof Abort) throw err;
    if (err instanceof Skip) {
      note(`${name}: setup failed, its remaining checks not run`);
    } else {
      notOk(`${name}: unexpected error`, err?.stack ?? inspect(err));
    }
    return undefined;
  }
}

async function run() {
  let base;
  if (
    !(await check("simulator starts and answers HTTP on 127.0.0.1", async () => {
      base = await startSimulator(JAR);
      return base;
    }))
  ) {
    throw new Abort();
  }

  const first = await area("cancelOrder", () => cancelOrderChecks(base));
  await area("batch cancels", () => batchCancelChecks(base));
  await area("batch limit", () => batchLimitChecks(base));
  await area("version", () => versionChecks(base));
  await area("reads", () => readChecks(base));
  await area("modes", () => modeChecks(base));
  await area("delayed orders", () => delayedChecks(base));
  await area("faults", () => faultChecks(base));
  await area("heartbeats", () => heartbeatChecks(base));
  await area("rate limits", () => rateLimitChecks(base));
  await area("orders flow", () => ordersFlowChecks(base));
  await area("channels", () => channelChecks(base));
  if (first) await area("journal", () => journalChecks(base, first));
}

const watchdog = setTimeout(() => {
  notOk(`whole run finished within ${WATCHDOG_MS} ms`, simOutputTail());
  console.log(summary());
  process.exit(1); // 'exit' handler kills the simulator
}, WATCHDOG_MS);

try {
  await run();
} catch (err) {
  if (err instanceof Abort) {
    console.log("# aborted: a prerequisite failed, remaining checks not run");
  } else {
    notOk("unexpected error", err?.stack ?? inspect(err));
  }
} finally {
  if (simStarted() && !simAlive()) note(`the simulator stopped before the end of the run: ${simExitStatus()}`);
  if (anyFailed() && simStarted() && !simTailShown()) console.log(simOutputTail().replace(/^/gm, "# "));
  await stopSimulator().catch((err) => console.log(`# stopping simulator: ${err.message}`));
  clearTimeout(watchdog);
  console.log(summary());
}
process.exit(exitCode());
