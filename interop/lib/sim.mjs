// The simulator process (start, stop, its output) and its admin API (/_sim/...).

import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import net from "node:net";

const STARTUP_TIMEOUT_MS = 20_000; // simulator must print its URL within this
const READY_TIMEOUT_MS = 10_000; // ... and answer HTTP within this afterwards
const HTTP_TIMEOUT_MS = 5_000; // per admin-API request
const STOP_TIMEOUT_MS = 3_000; // SIGTERM grace before SIGKILL
const URL_RE = /http:\/\/127\.0\.0\.1:(\d+)/;

let sim = null; // { child, output: string[] }
let tailShown = false; // the simulator's output is printed at most once

export function simStarted() {
  return sim !== null;
}

export function simAlive() {
  return sim !== null && sim.child.exitCode === null && sim.child.signalCode === null;
}

/** The simulator's process id (for its CPU or memory in /proc), or null when none was started. */
export function simPid() {
  return sim ? sim.child.pid : null;
}

/**
 * One /proc/<pid>/stat or /proc/<pid>/task/<tid>/stat: the thread's or process's name, and its user
 * and system CPU in milliseconds (the name is between the first "(" and the last ")": it may hold both).
 */
export function procStat(text) {
  const USER_HZ = 100; // the ticks of utime and stime on Linux
  const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
  return {
    name: text.slice(text.indexOf("(") + 1, text.lastIndexOf(")")),
    userMs: (Number(fields[11]) * 1000) / USER_HZ,
    sysMs: (Number(fields[12]) * 1000) / USER_HZ,
  };
}

/** How the simulator process ended, or "running". */
export function simExitStatus() {
  if (!sim) return "never started";
  if (simAlive()) return "running";
  return `exited with code ${sim.child.exitCode}, signal ${sim.child.signalCode}`;
}

export function simTailShown() {
  return tailShown;
}

export function simOutputTail(n = 30) {
  tailShown = true;
  if (!sim || sim.output.length === 0) return "(simulator printed nothing)";
  return sim.output.slice(-n).map((l) => `sim| ${l}`).join("\n");
}

/** Synchronous last resort for process 'exit': never leave the JVM behind. */
export function killSimulatorNow() {
  if (simAlive()) {
    try {
      sim.child.kill("SIGKILL");
    } catch {
      /* already gone */
    }
  }
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
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
function launch(jar, port) {
  const child = spawn("java", ["-jar", jar, "--port", String(port), "--host", "127.0.0.1"], {
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
    const timer = setTimeout(() => {
      const err = new Error(`no http://127.0.0.1:PORT line on stdout within ${STARTUP_TIMEOUT_MS} ms`);
      err.hung = true;
      finish(reject, err);
    }, STARTUP_TIMEOUT_MS);
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

export async function stopSimulator() {
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

/** Starts the jar on a free loopback port; resolves with its base URL once it answers HTTP. */
export async function startSimulator(jar) {
  if (!existsSync(jar)) throw new Error(`simulator jar not found: ${jar}`);
  let started;
  try {
    started = await launch(jar, 0);
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
      started = await launch(jar, port);
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

/** One admin-API call: {status, text, json, headers, req}; never throws on an HTTP status. */
export async function admin(base, method, p, body) {
  const req = `${method} ${p}${body === undefined ? "" : ` ${JSON.stringify(body)}`}`;
  let res;
  let text;
  try {
    res = await fetch(`${base}${p}`, {
      method,
      headers: body === undefined ? {} : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(HTTP_TIMEOUT_MS),
    });
    text = await res.text();
  } catch (err) {
    const why = err?.cause?.code ?? err?.cause?.message ?? err?.name;
    const state = simAlive() ? "" : ` (the simulator is not running: ${simExitStatus()})`;
    throw new Error(`admin request ${req.slice(0, 200)}: ${err.message}${why ? ` (${why})` : ""}${state}`);
  }
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return {
    status: res.status,
    text,
    json,
    headers: res.headers,
    req,
  };
}

export function describe(r) {
  return `request: ${r.req}\nresponse: HTTP ${r.status} ${r.text}`;
}

/** An admin call that must answer `status`; throws the exchange (request and response) otherwise. */
export async function adminExpect(base, method, p, body, status) {
  const r = await admin(base, method, p, body);
  if (r.status !== status) throw new Error(`expected HTTP ${status}\n${describe(r)}`);
  return r;
}

/** GET /_sim/orders/{id} -> its "status" ("LIVE", "CANCELED", ...); throws unless 200 with a status. */
export async function orderStatus(base, id) {
  const r = await admin(base, "GET", `/_sim/orders/${id}`);
  if (r.status !== 200 || typeof r.json?.status !== "string") throw new Error(`order ${id}: ${describe(r)}`);
  return r.json.status;
}

/** Throws unless every order of `ids` has `status`, naming each one that has not. */
export async function expectStatuses(base, ids, status, what) {
  const wrong = [];
  for (const id of ids) {
    const s = await orderStatus(base, id);
    if (s !== status) wrong.push(`${id}: ${s}`);
  }
  if (wrong.length > 0) {
    throw new Error(`${what}: expected ${status} (GET /_sim/orders/{id}), but\n${wrong.join("\n")}`);
  }
}
