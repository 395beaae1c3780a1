#!/usr/bin/env node
// Interop check: the OFFICIAL, unmodified @polymarket/clob-client cancels an
// order on the standalone CLOB simulator.
//
//   node cancel-interop.mjs [path/to/clob-simulator.jar]
//
// Starts the simulator jar on a free loopback port, registers an account and
// seeds orders through the simulator's admin API (/_sim/...), then drives the
// official ClobClient against it. Prints one "ok - ..." / "not ok - ..." line
// per check and a final "N passed, M failed" line; exits non-zero on any
// failure. The simulator process is killed in every case. Every wait is
// bounded and a watchdog ends the whole run well under 60 s.

import { spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual, inspect } from "node:util";

import { ApiError, ClobClient } from "@polymarket/clob-client";
import { createWalletClient, custom } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { polygon } from "viem/chains";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const JAR = process.argv[2]
  ? path.resolve(process.argv[2])
  : path.resolve(HERE, "..", "clob-simulator", "target", "clob-simulator.jar");

const CHAIN_ID = 137;
const STARTUP_TIMEOUT_MS = 20_000; // simulator must print its URL within this
const READY_TIMEOUT_MS = 10_000; // ... and answer HTTP within this afterwards
const HTTP_TIMEOUT_MS = 5_000; // per admin-API request
const CLIENT_TIMEOUT_MS = 10_000; // per official-client call
const STOP_TIMEOUT_MS = 3_000; // SIGTERM grace before SIGKILL
const WATCHDOG_MS = 55_000; // whole run
const NOT_FOUND_MSG = "Order not found or already canceled";
const URL_RE = /http:\/\/127\.0\.0\.1:(\d+)/;
const ID_RE = /^0x[0-9a-fA-F]{64}$/;

// ---------------------------------------------------------------- reporting

let passed = 0;
let failed = 0;

function ok(name) {
  passed++;
  console.log(`ok - ${name}`);
}

function notOk(name, detail) {
  failed++;
  console.log(`not ok - ${name}`);
  if (detail !== undefined) {
    for (const line of String(detail).split("\n")) console.log(`#   ${line}`);
  }
}

/** Runs one check; returns true when it passed. Throwing = failing. */
async function check(name, fn) {
  try {
    const extra = await fn();
    ok(extra ? `${name} (${extra})` : name);
    return true;
  } catch (err) {
    notOk(name, err instanceof Error ? err.message : inspect(err));
    return false;
  }
}

class Abort extends Error {}

function show(v) {
  return inspect(v, { depth: 6, breakLength: Infinity });
}

function expectEqual(actual, expected, what, context) {
  if (!isDeepStrictEqual(actual, expected)) {
    throw new Error(`${what}: expected ${show(expected)}, got ${show(actual)}${context ? `\n${context}` : ""}`);
  }
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// ---------------------------------------------------------------- simulator

let sim = null; // { child, output: string[] }

function simAlive() {
  return sim !== null && sim.child.exitCode === null && sim.child.signalCode === null;
}

let tailShown = false; // the simulator's output is printed at most once

function simOutputTail(n = 30) {
  tailShown = true;
  if (!sim || sim.output.length === 0) return "(simulator printed nothing)";
  return sim.output.slice(-n).map((l) => `sim| ${l}`).join("\n");
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Spawns the jar with the given port and resolves with the first
 * http://127.0.0.1:PORT URL it prints on stdout. Rejects if the process exits
 * first or nothing shows up within STARTUP_TIMEOUT_MS.
 */
function launch(port) {
  const child = spawn("java", ["-jar", JAR, "--port", String(port), "--host", "127.0.0.1"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  sim = { child, output: [] };
  const verbose = process.env.INTEROP_VERBOSE === "1";
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (fn, v) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn(v);
    };
    const timer = setTimeout(
      () => {
        const err = new Error(`no http://127.0.0.1:PORT line on stdout within ${STARTUP_TIMEOUT_MS} ms`);
        err.hung = true;
        finish(reject, err);
      },
      STARTUP_TIMEOUT_MS,
    );
    const onLines = (stream, tag, lookForUrl) => {
      let buf = "";
      stream.setEncoding("utf8");
      stream.on("data", (chunk) => {
        buf += chunk;
        let nl;
        while ((nl = buf.indexOf("\n")) >= 0) {
          const line = buf.slice(0, nl).replace(/\r$/, "");
          buf = buf.slice(nl + 1);
          sim.output.push(`${tag} ${line}`);
          if (sim.output.length > 500) sim.output.shift();
          if (verbose) console.log(`# sim ${tag} ${line}`);
          const m = lookForUrl ? URL_RE.exec(line) : null;
          if (m) finish(resolve, { url: m[0], port: Number(m[1]) });
        }
      });
    };
    onLines(child.stdout, "out", true);
    onLines(child.stderr, "err", false);
    child.on("error", (err) => finish(reject, new Error(`cannot start java: ${err.message}`)));
    child.on("exit", (code, signal) =>
      finish(reject, new Error(`simulator exited (code ${code}, signal ${signal}) before printing its URL`)),
    );
  });
}

async function stopSimulator() {
  if (!sim) return;
  const { child } = sim;
  if (!simAlive()) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  let timer;
  const graceOver = new Promise((resolve) => {
    timer = setTimeout(() => resolve("timeout"), STOP_TIMEOUT_MS);
  });
  const how = await Promise.race([exited, graceOver]);
  clearTimeout(timer);
  if (how === "timeout" && simAlive()) {
    child.kill("SIGKILL");
    await withTimeout(exited, STOP_TIMEOUT_MS, "simulator exit after SIGKILL").catch(() => {});
  }
}

// Last-resort cleanup: never leave the JVM behind, whatever happens.
process.on("exit", () => {
  if (simAlive()) {
    try {
      sim.child.kill("SIGKILL");
    } catch {
      /* already gone */
    }
  }
});
for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(sig, () => {
    console.log(`# interrupted by ${sig}`);
    console.log(`${passed} passed, ${failed + 1} failed`);
    process.exit(1); // 'exit' handler kills the simulator
  });
}

async function startSimulator() {
  if (!existsSync(JAR)) throw new Error(`simulator jar not found: ${JAR}`);
  let started;
  try {
    started = await launch(0);
    if (started.port === 0) throw new Error("simulator printed port 0");
  } catch (err) {
    // A hang is not a "--port 0" problem: fail now rather than wait twice.
    if (err.hung) throw new Error(`${err.message}\n${simOutputTail()}`);
    // "--port 0" unsupported (rejected, or reported as port 0): retry once on a port we pick.
    const first = `${err.message}\n${simOutputTail(10)}`;
    await stopSimulator();
    const port = await freePort();
    console.log(`# --port 0 did not work (${err.message}); retrying with --port ${port}`);
    try {
      started = await launch(port);
      tailShown = false;
    } catch (err2) {
      throw new Error(`with --port 0: ${first}\nwith --port ${port}: ${err2.message}\n${simOutputTail()}`);
    }
  }
  // Bounded readiness poll: any HTTP answer means the server is up.
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let lastErr;
  while (Date.now() < deadline) {
    if (!simAlive()) throw new Error(`simulator exited after printing ${started.url}\n${simOutputTail()}`);
    try {
      const res = await fetch(`${started.url}/time`, { signal: AbortSignal.timeout(1_000) });
      await res.arrayBuffer();
      return started.url;
    } catch (err) {
      lastErr = err;
      await new Promise((r) => setTimeout(r, 100)); // poll interval of a bounded loop
    }
  }
  throw new Error(`simulator at ${started.url} did not answer HTTP within ${READY_TIMEOUT_MS} ms: ${lastErr?.message}`);
}

// ---------------------------------------------------------------- admin API

async function admin(base, method, p, body) {
  const res = await fetch(`${base}${p}`, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(HTTP_TIMEOUT_MS),
  });
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, text, json, req: `${method} ${p}${body === undefined ? "" : ` ${JSON.stringify(body)}`}` };
}

function describe(r) {
  return `request: ${r.req}\nresponse: HTTP ${r.status} ${r.text}`;
}

// ---------------------------------------------------------------- the checks

/** What the official client puts on the wire for cancelOrder (see README). */
function cancelRequest(base, orderID, c, address) {
  return (
    `request: DELETE ${base}/order body ${JSON.stringify({ orderID })} ` +
    `headers POLY_ADDRESS=${address} POLY_API_KEY=${c.key} POLY_PASSPHRASE=${c.passphrase} ` +
    `POLY_TIMESTAMP=<unix s> POLY_SIGNATURE=<HMAC-SHA256 of secret ${c.secret}>`
  );
}

function hex(nBytes) {
  return randomBytes(nBytes).toString("hex");
}

function walletFor(privateKey) {
  const account = privateKeyToAccount(privateKey);
  // The client never needs an RPC for L2-authenticated calls; make sure that
  // nothing could ever leave the machine if it tried.
  const transport = custom({
    request: async ({ method }) => {
      throw new Error(`interop check: unexpected JSON-RPC call ${method}`);
    },
  });
  return createWalletClient({ account, chain: polygon, transport });
}

async function run() {
  let base;
  if (
    !(await check("simulator starts and answers HTTP on 127.0.0.1", async () => {
      base = await startSimulator();
      return base;
    }))
  ) {
    throw new Abort();
  }

  // Identity.
  const privateKey = `0x${hex(32)}`;
  const wallet = walletFor(privateKey);
  const address = wallet.account.address; // EIP-55 checksummed, as the client sends it
  const creds = {
    key: randomUUID(),
    // url-safe base64 WITH "=" padding, like real CLOB secrets
    secret: randomBytes(32).toString("base64").replace(/\+/g, "-").replace(/\//g, "_"),
    passphrase: hex(32),
  };

  if (
    !(await check("POST /_sim/accounts registers the account (201)", async () => {
      const r = await admin(base, "POST", "/_sim/accounts", {
        apiKey: creds.key,
        secret: creds.secret,
        passphrase: creds.passphrase,
        address,
      });
      if (r.status !== 201) throw new Error(describe(r));
    }))
  ) {
    throw new Abort();
  }

  let ids;
  if (
    !(await check("POST /_sim/orders seeds two live orders (201, ids 0x+64 hex)", async () => {
      const market = `0x${hex(32)}`;
      const assetId = BigInt(`0x${hex(32)}`).toString(10);
      const order = { owner: creds.key, market, assetId, side: "BUY", price: "0.5", size: "10" };
      const r = await admin(base, "POST", "/_sim/orders", [order, { ...order }]);
      if (r.status !== 201) throw new Error(describe(r));
      ids = r.json?.ids;
      if (!Array.isArray(ids) || ids.length !== 2 || !ids.every((id) => typeof id === "string" && ID_RE.test(id))) {
        throw new Error(`expected {"ids":[two "0x"+64 hex]}\n${describe(r)}`);
      }
      if (ids[0] === ids[1]) throw new Error(`both orders got the same id\n${describe(r)}`);
    }))
  ) {
    throw new Abort();
  }
  const [id, other] = ids;

  const client = new ClobClient(base, CHAIN_ID, wallet, creds);

  await check("official client cancelOrder -> {canceled:[id], not_canceled:{}}", async () => {
    const resp = await withTimeout(client.cancelOrder({ orderID: id }), CLIENT_TIMEOUT_MS, "cancelOrder");
    expectEqual(resp, { canceled: [id], not_canceled: {} }, "cancelOrder answer", cancelRequest(base, id, creds, address));
  });

  await check('GET /_sim/orders/{id} reports "status":"CANCELED"', async () => {
    const r = await admin(base, "GET", `/_sim/orders/${id}`);
    if (r.status !== 200 || !/"status"\s*:\s*"CANCELED"/.test(r.text)) throw new Error(describe(r));
  });

  await check(`cancelling the same id again -> not_canceled[id] = "${NOT_FOUND_MSG}"`, async () => {
    const resp = await withTimeout(client.cancelOrder({ orderID: id }), CLIENT_TIMEOUT_MS, "cancelOrder (again)");
    expectEqual(
      resp,
      { canceled: [], not_canceled: { [id]: NOT_FOUND_MSG } },
      "second cancelOrder answer",
      cancelRequest(base, id, creds, address),
    );
  });

  // Same key, passphrase and address, but a different (wrong) secret: the
  // HMAC in POLY_SIGNATURE cannot verify, so the server must answer 401.
  const wrongCreds = {
    ...creds,
    secret: randomBytes(32).toString("base64").replace(/\+/g, "-").replace(/\//g, "_"),
  };

  // Default client: errors are returned (not thrown) as {error, status}.
  await check("wrong secret: client returns {error: /invalid api key/i, status: 401}", async () => {
    const bad = new ClobClient(base, CHAIN_ID, wallet, wrongCreds);
    const resp = await withTimeout(bad.cancelOrder({ orderID: other }), CLIENT_TIMEOUT_MS, "cancelOrder (wrong secret)");
    if (!resp || resp.status !== 401 || typeof resp.error !== "string" || !/invalid api key/i.test(resp.error)) {
      throw new Error(
        `expected {error: "...Invalid API key...", status: 401}, got ${show(resp)}\n` +
          cancelRequest(base, other, wrongCreds, address),
      );
    }
    return `error: ${JSON.stringify(resp.error)}`;
  });

  // throwOnError client (13th constructor argument): throws ApiError.
  await check("wrong secret with throwOnError: client throws ApiError status 401", async () => {
    const bad = new ClobClient(
      base, CHAIN_ID, wallet, wrongCreds,
      undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined,
      true, // throwOnError
    );
    let thrown;
    try {
      const resp = await withTimeout(bad.cancelOrder({ orderID: other }), CLIENT_TIMEOUT_MS, "cancelOrder (throwOnError)");
      throw new Error(`expected a thrown ApiError, got answer ${show(resp)}`);
    } catch (err) {
      thrown = err;
    }
    if (!(thrown instanceof ApiError)) throw thrown;
    if (thrown.status !== 401 || !/invalid api key/i.test(thrown.message)) {
      throw new Error(`expected ApiError 401 "...Invalid API key...", got status ${thrown.status} message ${JSON.stringify(thrown.message)}`);
    }
  });

  await check("order hit by the rejected cancels is still not CANCELED", async () => {
    const r = await admin(base, "GET", `/_sim/orders/${other}`);
    if (r.status !== 200 || !/"status"\s*:/.test(r.text) || /"status"\s*:\s*"CANCELED"/.test(r.text)) {
      throw new Error(describe(r));
    }
  });
}

// ---------------------------------------------------------------- main

const watchdog = setTimeout(() => {
  notOk(`whole run finished within ${WATCHDOG_MS} ms`, simOutputTail());
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(1); // 'exit' handler kills the simulator
}, WATCHDOG_MS);

let exitCode = 1;
try {
  await run();
} catch (err) {
  if (err instanceof Abort) {
    console.log("# aborted: a prerequisite failed, remaining checks not run");
  } else {
    notOk("unexpected error", err?.stack ?? inspect(err));
  }
} finally {
  if (failed > 0 && sim && !tailShown) console.log(simOutputTail().replace(/^/gm, "# "));
  await stopSimulator().catch((err) => console.log(`# stopping simulator: ${err.message}`));
  clearTimeout(watchdog);
  console.log(`${passed} passed, ${failed} failed`);
  exitCode = failed === 0 && passed > 0 ? 0 : 1;
}
process.exit(exitCode);
