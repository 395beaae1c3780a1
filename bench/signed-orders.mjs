#!/usr/bin/env node
// How fast the simulator accepts signed V2 orders, against how fast one unmodified official
// client (@polymarket/clob-client-v2 1.1.0) signs and posts them, in one run on loopback.
//
//   node bench/signed-orders.mjs [--quick] [--official N] [--orders M] [--concurrency C]
//
// 1. The official client, one order at a time as an app places them: createAndPostOrder (a GTC
//    BUY that rests: the EIP-712 signature with viem, the L2 headers, the POST) N times.
// 2. The simulator: M orders signed beforehand by the same client (createOrder, untimed), posted
//    with C in flight over keep-alive connections; each is hashed, its signer recovered
//    (secp256k1) and checked, and it rests on the book.
// Prints both rates, their ratio against the target (at least 5x), and one JSON line. Every loop
// is bounded, the whole run has a watchdog, and the simulator is killed on every way out.

import http from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { CHAIN_ID, hex, newMarket, walletFor } from "../interop/lib/accounts.mjs";
import { adminExpect, killSimulatorNow, startSimulator, stopSimulator } from "../interop/lib/sim.mjs";

// The official client as interop/ pins and installs it (npm ci in interop/).
const { ClobClient, createL2Headers, OrderType, orderToJsonV2, Side } =
  createRequire(new URL("../interop/package.json", import.meta.url))("@polymarket/clob-client-v2");

const HERE = path.dirname(fileURLToPath(import.meta.url));
const JAR = path.resolve(HERE, "..", "clob-simulator", "target", "clob-simulator.jar");
const TARGET = 5;
const WATCHDOG_MS = 20 * 60_000;
const FULL = { official: 300, orders: 3000, concurrency: 32 };
const QUICK = { official: 30, orders: 300, concurrency: 16 };

function parseArgs(argv) {
  const opts = { ...(argv.includes("--quick") ? QUICK : FULL) };
  const names = { "--official": "official", "--orders": "orders", "--concurrency": "concurrency" };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--quick") continue;
    const key = names[argv[i]];
    const value = Number(argv[i + 1]);
    if (!key || !Number.isInteger(value) || value < 1 || value > 1_000_000) {
      console.error(`signed-orders.mjs: bad option ${argv[i]} ${argv[i + 1] ?? ""}\n`
        + "usage: node bench/signed-orders.mjs [--quick] [--official N] [--orders M] [--concurrency C]");
      process.exit(2);
    }
    opts[key] = value;
    i++;
  }
  return opts;
}

/** A resting BUY's price: 0.01 to 0.49, so nothing ever crosses. */
const priceOf = (i) => (1 + (i % 49)) / 100;

async function keyedClient(base) {
  const wallet = walletFor(`0x${hex(32)}`);
  const creds = await new ClobClient({ host: base, chain: CHAIN_ID, signer: wallet }).deriveApiKey();
  if (!creds?.key) throw new Error(`deriveApiKey failed: ${JSON.stringify(creds)}`);
  return { creds, client: new ClobClient({ host: base, chain: CHAIN_ID, signer: wallet, creds, throwOnError: true }) };
}

async function officialRate(client, token, n) {
  // One order first, untimed: the client caches the tick size, neg-risk and version it reads.
  await client.createAndPostOrder({ tokenID: token, price: 0.01, size: 5, side: Side.BUY });
  const started = performance.now();
  for (let i = 0; i < n; i++) {
    const resp = await client.createAndPostOrder({ tokenID: token, price: priceOf(i), size: 5, side: Side.BUY });
    if (resp?.success !== true) throw new Error(`createAndPostOrder ${i}: ${JSON.stringify(resp)}`);
  }
  const seconds = (performance.now() - started) / 1000;
  return { orders: n, seconds, perSecond: n / seconds };
}

/** POSTs each prepared body with its headers, `concurrency` in flight; resolves with the answers' statuses. */
function fire(base, prepared, concurrency) {
  const url = new URL("/order", base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  let next = 0;
  const failures = [];
  const one = () => new Promise((resolve) => {
    const { body, headers } = prepared[next++];
    const req = http.request({ host: url.hostname, port: url.port, path: "/order", method: "POST", agent,
      headers: { ...headers, "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) } }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => { text += chunk; });
      res.on("end", () => {
        if (res.statusCode !== 200 || !text.includes("\"success\":true")) failures.push(`${res.statusCode} ${text}`);
        resolve();
      });
    });
    req.setTimeout(30_000, () => req.destroy(new Error("no answer within 30 s")));
    req.on("error", (err) => { failures.push(err.message); resolve(); });
    req.end(body);
  });
  const worker = async () => {
    while (next < prepared.length) await one();
  };
  return Promise.all(Array.from({ length: concurrency }, worker)).then(() => { agent.destroy(); return failures; });
}

async function simulatorRate(base, client, creds, token, n, concurrency) {
  const prepared = [];
  for (let i = 0; i < n; i++) {
    const order = await client.createOrder({ tokenID: token, price: priceOf(i), size: 5 + (i % 7), side: Side.BUY });
    prepared.push(orderToJsonV2(order, creds.key, OrderType.GTC));
  }
  // The L2 headers last, so that their timestamps are fresh when the orders go.
  const timestamp = Math.floor(Date.now() / 1000);
  const signer = client.signer;
  const withHeaders = [];
  for (const payload of prepared) {
    const body = JSON.stringify(payload);
    withHeaders.push({ body, headers: await createL2Headers(signer, creds, { method: "POST", requestPath: "/order", body }, timestamp) });
  }
  const started = performance.now();
  const failures = await fire(base, withHeaders, concurrency);
  const seconds = (performance.now() - started) / 1000;
  if (failures.length > 0) throw new Error(`${failures.length} of ${n} orders refused, the first: ${failures[0]}`);
  return { orders: n, seconds, perSecond: n / seconds, concurrency };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const base = await startSimulator(JAR);
  const market = newMarket(1);
  await adminExpect(base, "POST", "/_sim/markets", { market: market.market, assets: market.assets }, 201);
  const token = market.assets[0];
  const a = await keyedClient(base);
  const b = await keyedClient(base);

  const official = await officialRate(a.client, token, opts.official);
  console.log(`official client, createAndPostOrder one at a time: ${official.perSecond.toFixed(1)} orders/s `
    + `(${official.orders} in ${official.seconds.toFixed(2)} s)`);
  const simulator = await simulatorRate(base, b.client, b.creds, token, opts.orders, opts.concurrency);
  console.log(`simulator, signed orders accepted with ${opts.concurrency} in flight: ${simulator.perSecond.toFixed(1)} orders/s `
    + `(${simulator.orders} in ${simulator.seconds.toFixed(2)} s)`);
  const ratio = simulator.perSecond / official.perSecond;
  console.log(`ratio ${ratio.toFixed(1)}x, target at least ${TARGET}x: ${ratio >= TARGET ? "met" : "NOT met"}`);
  console.log(JSON.stringify({ official, simulator, ratio, target: TARGET }));
  return ratio >= TARGET ? 0 : 1;
}

process.on("exit", killSimulatorNow);
const watchdog = setTimeout(() => {
  console.error(`signed-orders.mjs: the run did not finish within ${WATCHDOG_MS / 60_000} minutes`);
  process.exit(1);
}, WATCHDOG_MS);
let code = 1;
try {
  code = await main();
} catch (err) {
  console.error(`signed-orders.mjs: ${err?.stack ?? err}`);
} finally {
  await stopSimulator().catch(() => {});
  clearTimeout(watchdog);
}
process.exit(code);
