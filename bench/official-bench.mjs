#!/usr/bin/env node
// The official @polymarket/clob-client-v2 (unmodified, the version interop/ pins) doing what
// `clob bench` does, so that the two can be compared on the same simulator:
//
//   node bench/official-bench.mjs --host URL --order-ids FILE --concurrency C [--warmup N] [--max-secs S]
//
// Credentials from the environment: CLOB_API_KEY, CLOB_SECRET, CLOB_PASS_PHRASE, and
// CLOB_PRIVATE_KEY, the wallet the official client signs with (it takes POLY_ADDRESS from the
// wallet; CLOB_ADDRESS, when set, must be that wallet's address). Cancels each id of the file with
// client.cancelOrder({orderID}), C in flight at a time, and prints one JSON line last:
// {"n","canceled","secs","rate","p50_ms","p99_ms"}, as `clob bench` does. The client is
// `new ClobClient({host, chain: 137, signer: viemWallet, creds})`, as a user builds it. Exit codes as
// `clob bench`: 0 all canceled, 1 some not canceled, 2 bad usage (nothing sent), 3 some failed.
// The whole run is bounded by --max-secs (default 600): the client itself has no timeout.

import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

// The client and viem come from interop/'s node_modules, through its helpers.
import { clientFor, walletFor } from "../interop/lib/accounts.mjs";

const USAGE = "usage: node bench/official-bench.mjs --host URL --order-ids FILE --concurrency C [--warmup N] [--max-secs S]";
const ID_RE = /^0x([0-9a-fA-F]{64}|[0-9a-fA-F]{40})$/;

function usage(message) {
  console.error(`official-bench: ${message}\nNothing was sent. ${USAGE}`);
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { concurrency: 1, warmup: 0, maxSecs: 600 };
  const names = { "--host": "host", "--order-ids": "orderIds", "--concurrency": "concurrency", "--warmup": "warmup", "--max-secs": "maxSecs" };
  for (let i = 0; i < argv.length; i += 2) {
    const key = names[argv[i]];
    if (!key) usage(`unknown option ${argv[i]}`);
    if (i + 1 >= argv.length) usage(`${argv[i]} needs a value`);
    opts[key] = argv[i + 1];
  }
  if (!opts.host) usage("--host is required");
  if (!/^https?:\/\/[^/]+\/?$/.test(opts.host)) usage(`--host must be an http or https URL with no path, not ${opts.host}`);
  opts.host = opts.host.replace(/\/$/, "");
  if (!opts.orderIds) usage("--order-ids is required");
  for (const [key, min, max] of [["concurrency", 1, 4096], ["warmup", 0, Number.MAX_SAFE_INTEGER], ["maxSecs", 1, 86_400]]) {
    const value = Number(opts[key]);
    if (!Number.isInteger(value) || value < min || value > max) usage(`--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} must be an integer ${min} to ${max}, not ${opts[key]}`);
    opts[key] = value;
  }
  return opts;
}

function readIds(file) {
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    usage(`--order-ids: cannot read ${file}: ${err.code ?? err.message}`);
  }
  const ids = [];
  const seen = new Map();
  text.split("\n").forEach((raw, i) => {
    const line = raw.trim();
    if (line === "") return;
    if (!ID_RE.test(line)) usage(`--order-ids: ${file} line ${i + 1}: not an order id (0x and 64 hex digits): ${line.slice(0, 80)}`);
    const first = seen.get(line.toLowerCase());
    if (first !== undefined) usage(`--order-ids: ${file} line ${i + 1} repeats the order id of line ${first}`);
    seen.set(line.toLowerCase(), i + 1);
    ids.push(line);
  });
  if (ids.length === 0) usage(`--order-ids: ${file} holds no order id`);
  return ids;
}

function credentials() {
  const names = ["CLOB_API_KEY", "CLOB_SECRET", "CLOB_PASS_PHRASE", "CLOB_PRIVATE_KEY"];
  const missing = names.filter((n) => !process.env[n]);
  if (missing.length > 0) usage(`missing environment variable(s) ${missing.join(", ")}`);
  if (!/^0x[0-9a-fA-F]{64}$/.test(process.env.CLOB_PRIVATE_KEY)) usage("CLOB_PRIVATE_KEY must be 0x and 64 hex digits");
  const wallet = walletFor(process.env.CLOB_PRIVATE_KEY);
  const address = process.env.CLOB_ADDRESS;
  if (address && address.toLowerCase() !== wallet.account.address.toLowerCase()) {
    usage(`CLOB_ADDRESS ${address} is not the address of CLOB_PRIVATE_KEY (${wallet.account.address})`);
  }
  return {
    wallet,
    creds: { key: process.env.CLOB_API_KEY, secret: process.env.CLOB_SECRET, passphrase: process.env.CLOB_PASS_PHRASE },
  };
}

/** Cancels every id, `concurrency` chains each taking the next id when its cancel is answered. */
async function run(client, ids, concurrency) {
  const latencies = new Float64Array(ids.length);
  const tally = { canceled: 0, notCanceled: 0, failed: 0, firstNotCanceled: null, firstFailure: null };
  let next = 0;
  const chain = async () => {
    while (next < ids.length) {
      const i = next++;
      const id = ids[i];
      const sent = performance.now();
      let result;
      try {
        result = await client.cancelOrder({ orderID: id });
      } catch (err) {
        result = { error: err?.message ?? String(err) };
      }
      latencies[i] = performance.now() - sent;
      if (result && Array.isArray(result.canceled) && result.canceled.includes(id)) {
        tally.canceled++;
      } else if (result && Array.isArray(result.canceled)) {
        tally.notCanceled++;
        tally.firstNotCanceled ??= `${id}: ${result.not_canceled?.[id] ?? "no reason given"}`;
      } else {
        // The client returns {error, status} instead of throwing.
        tally.failed++;
        tally.firstFailure ??= JSON.stringify(result);
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, ids.length) }, chain));
  return { latencies, tally, secs: (performance.now() - started) / 1000 };
}

function percentile(ascending, p) {
  const rank = Math.ceil((p / 100) * ascending.length);
  return ascending[Math.max(0, rank - 1)];
}

const round = (value, decimals) => Math.round(value * 10 ** decimals) / 10 ** decimals;

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const ids = readIds(opts.orderIds);
  if (opts.warmup >= ids.length) usage(`--warmup ${opts.warmup} leaves none of the ${ids.length} ids to time`);
  const client = clientFor(opts.host, credentials());
  const watchdog = setTimeout(() => {
    console.error(`official-bench: not done within --max-secs ${opts.maxSecs}; giving up`);
    process.exit(3);
  }, opts.maxSecs * 1000);
  if (opts.warmup > 0) await run(client, ids.slice(0, opts.warmup), opts.concurrency);
  const timed = ids.slice(opts.warmup);
  const { latencies, tally, secs } = await run(client, timed, opts.concurrency);
  clearTimeout(watchdog);
  const sorted = Float64Array.from(latencies).sort();
  console.error(`official-bench: ${timed.length} cancels, ${opts.concurrency} at a time: ${tally.canceled} canceled, `
    + `${tally.notCanceled} not canceled, ${tally.failed} failed`);
  if (tally.firstNotCanceled) console.error(`official-bench: first not canceled: ${tally.firstNotCanceled}`);
  if (tally.firstFailure) console.error(`official-bench: first failure: ${tally.firstFailure}`);
  console.log(JSON.stringify({
    n: timed.length,
    canceled: tally.canceled,
    secs: round(secs, 3),
    rate: round(timed.length / secs, 1),
    p50_ms: round(percentile(sorted, 50), 3),
    p99_ms: round(percentile(sorted, 99), 3),
  }));
  return tally.failed > 0 ? 3 : tally.notCanceled > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`official-bench: internal error: ${err?.stack ?? err}`);
    process.exit(4);
  },
);
