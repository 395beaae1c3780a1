#!/usr/bin/env node
// The L2 HMAC vectors of the repository, computed by the official clients
// themselves (as npm installed them, unmodified):
//
//   node vectors.mjs            write ../clob-domain/src/test/resources/vectors/l2-hmac.json
//   node vectors.mjs --check    fail (exit 1) unless the file holds exactly what they compute
//
// A case made "through the client" calls the client's own method (cancelOrder,
// cancelOrders, cancelAll, cancelMarketOrders, getOpenOrders, postHeartbeat)
// against a loopback server started here, built with useServerTime so that the
// server's GET /time fixes the timestamp: the body is the bytes the client put
// on the wire and the signature its POLY_SIGNATURE header. A case made with
// createL2Headers (the client's exported L2 header function) has a method or
// body that no client call sends (the official test vectors). A case carried
// over from another official client's tests names that test, and the run fails
// unless @polymarket/clob-client-v2 computes the signature that test expects.
//
// Every case names its source. The Java tests read the file from the classpath.

import { readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";

import { ClobClient as ClobClientV1 } from "@polymarket/clob-client";
import { ClobClient, createL2Headers } from "@polymarket/clob-client-v2";

import { walletFor } from "./lib/accounts.mjs";
import { withTimeout } from "./lib/report.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.resolve(HERE, "..", "clob-domain", "src", "test", "resources", "vectors", "l2-hmac.json");
const CALL_TIMEOUT_MS = 5_000; // per client call against the loopback server

const V2 = `@polymarket/clob-client-v2 ${installedVersion("@polymarket/clob-client-v2")}`;
const V1 = `@polymarket/clob-client ${installedVersion("@polymarket/clob-client")}`;
const RS = "Polymarket/rs-clob-client src/auth.rs (commit 1512b4f303c9434fd830d6987a66c4cef25be4e1)";
const PY = "Polymarket/py-clob-client tests/signing/test_hmac.py (commit 043b1d6850bd851e3d63480b7806130f09daa296)";

// Hardhat's first account, a publicly known key: the address is signed nowhere in L2.
const WALLET = walletFor("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
const ZERO_SECRET = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

function installedVersion(pkg) {
  const file = path.join(HERE, "node_modules", ...pkg.split("/"), "package.json");
  return JSON.parse(readFileSync(file, "utf8")).version;
}

// ------------------------------------------------------------------ the cases

/** What a client call puts on the wire: {method, requestPath, body (string or null)}. */
const calls = {
  cancelOrder: (c, orderID) => c.cancelOrder({ orderID }),
  cancelOrders: (c, ids) => c.cancelOrders(ids),
  cancelAll: (c) => c.cancelAll(),
  cancelMarketOrders: (c, payload) => c.cancelMarketOrders(payload),
  getOpenOrders: (c) => c.getOpenOrders(undefined, true),
  postHeartbeat: (c, id) => c.postHeartbeat(id),
};

const BATCH_A = [
  "0xc25f18fa448d83ab59eadfd85b88642cd30347760d7056d975b3528a407d9b37",
  "0x0435863a822f40a7815d3a3bde3062b0650871ab403615c596db2711f0c66900",
  "0x959319ab960da61805d55e77b0df7e644a91f2b9db8b8abb01ebfe608b6d36f7",
];
const BATCH_B = [
  "0x363ba1074bfed19504d1612b83683528478a8b8fb91551b179b83b5a4823d4b5",
  "0xe6135501ed333f216c1bbbb51684ac80c73025601fe1f6961188f04742e95c45",
  "0xccbfadfb0c0a0735f17c08884e352f34792ee1a7d204f711c993a7e11237e923",
];

/**
 * Each case: what, secret, timestamp and either `call` [name, ...args] with the client
 * ("v2" unless `client: "v1"`), or `sign` {method, requestPath, body} for createL2Headers;
 * `expect` is the signature another official client's test asserts (checked, not trusted).
 */
const CASES = [
  {
    what: "the same secret in standard base64 with '+' and '/' gives the same signature",
    secret: "++/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
    timestamp: 1000000,
    sign: { method: "test-sign", requestPath: "/orders", body: '{"hash": "0x123"}' },
  },
  {
    what: "secret in url-safe base64 without padding, with '-' and '_'",
    secret: "--_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    timestamp: 1000000,
    sign: { method: "test-sign", requestPath: "/orders", body: '{"hash": "0x123"}' },
  },
  {
    what: "no body at all: nothing is appended (rs-clob-client's header test)",
    secret: ZERO_SECRET,
    timestamp: 1,
    sign: { method: "GET", requestPath: "/", body: null },
    expect: { source: `${RS}, l2_headers_should_succeed`, signature: "eHaylCwqRSOa2LFD77Nt_SaTpbsxzN8eTEI3LryhEj4=" },
  },
  {
    what: "the same message in compact JSON (rs-clob-client's test)",
    secret: ZERO_SECRET,
    timestamp: 1000000,
    sign: { method: "test-sign", requestPath: "/orders", body: '{"hash":"0x123"}' },
    expect: { source: `${RS}, hmac_succeeds`, signature: "4gJVbox-R6XlDK4nlaicig0_ANVL1qdcahiL8CXfXLM=" },
  },
  {
    what: "the official clients' own test vector (py-clob-client, clob-client): body with a space after the colon",
    secret: ZERO_SECRET,
    timestamp: 1000000,
    sign: { method: "test-sign", requestPath: "/orders", body: '{"hash": "0x123"}' },
    expect: { source: `${PY}, test_build_hmac_signature`, signature: "ZwAdJKvoYRlEKDkNMwd5BuwNNtg93kNaR_oU2HrfVvc=" },
  },
  {
    what: "cancel one order, 32-byte order hash, secret in urlsafe base64",
    secret: "vcR0iVnub9lwyp10npV5pN2CvxEdTzNIyk1CUjESPmE=",
    timestamp: 1703357068,
    call: ["cancelOrder", "0x0fa2941acac70699d17cd83363bf92ed5d8d0743a06d9f34f9a58de696a0b791"],
  },
  {
    what: "cancel one order, 32-byte order hash, secret in standard base64",
    secret: "jCCK2cC7tg3CgvOom3BZybnYVyBoAFGzkfVpPDqiyYY=",
    timestamp: 1709688650,
    call: ["cancelOrder", "0x985de2edae55be73b60fcfb39095c6118ee55c983f5e2468b0a6d9b19f993a2d"],
  },
  {
    what: "cancel one order, the documented example id, secret in urlsafe base64",
    secret: "RZIjvDMj02XrroefRnxp67CoSj_drd1HTL095uvqmV4=",
    timestamp: 1703270118,
    call: ["cancelOrder", "0xabcdef1234567890abcdef1234567890abcdef12"],
  },
  {
    what: "cancel one order, the documented example id, secret in standard base64",
    secret: "IaaseQy5UvC7d3urayPP3NeJrxtWd6WpqnrrQcw8hyo=",
    timestamp: 1713886289,
    call: ["cancelOrder", "0xabcdef1234567890abcdef1234567890abcdef12"],
  },
  {
    what: "cancel a batch of orders, secret in urlsafe base64",
    secret: "DEJVaGVW8nJIszk2ZfuA2j2lVqDp3DNXFGFaDbK2ZS0=",
    timestamp: 1709230528,
    call: ["cancelOrders", BATCH_A],
  },
  {
    what: "cancel a batch of orders, secret in standard base64",
    secret: "KV4idKXdORWM4+1x6hBdTpZ0u3HuJA6h37sF9OvQSf0=",
    timestamp: 1704889536,
    call: ["cancelOrders", BATCH_B],
  },
  {
    what: "cancel all, no body, secret in urlsafe base64",
    secret: "Y2HJf_hj6YEieWIkpnBVQRE5CDUgx7lD9LpHb-aOr8k=",
    timestamp: 1712189616,
    call: ["cancelAll"],
  },
  {
    what: "cancel all, no body, secret in standard base64",
    secret: "N1aga1IHHL5QtKjXMvMcN83/uOIdG7yFeGr9ga3rLYM=",
    timestamp: 1703016536,
    call: ["cancelAll"],
  },
  {
    what: "cancel a market's orders, secret in urlsafe base64",
    secret: "Q4CXYnmcVpRM9Vae3v6eIcMn94re-kSpTl0TD0WcM9o=",
    timestamp: 1703520667,
    call: [
      "cancelMarketOrders",
      { market: "0x418c8d90dba07420fafc6a1b433506748a069fee09ce28cf2b09cb38759b70b1", asset_id: "431558625160024343578983399517460229" },
    ],
  },
  {
    what: "cancel a market's orders, secret in standard base64",
    secret: "Wez7FskIojvY+pka/zN+VEuEXjrU5+U65G3QUB6B0jI=",
    timestamp: 1703035348,
    call: [
      "cancelMarketOrders",
      { market: "0x2db5c17ba5d167d8493ae96458f62a8f9fd6518ac809fa99ec1de2e0dad91e80", asset_id: "332303225890036807720220788912992867664" },
    ],
  },
  {
    what: "read open orders, no body, secret in urlsafe base64",
    secret: "9obFzp5Y3wUsmfU0I8hTrpeR4bq-6x2f0akem6abNDg=",
    timestamp: 1713734152,
    call: ["getOpenOrders"],
  },
  {
    what: "read open orders, no body, secret in standard base64",
    secret: "ACWNmvHlhm0J9tdyQiqO7K/K+eKh7Ae456ZEoTCRbU0=",
    timestamp: 1710632900,
    call: ["getOpenOrders"],
  },
  {
    what: "heartbeat starting a V2 chain with the empty id, secret in urlsafe base64",
    secret: "WvC7EiEpdxJ5_hZRfDaz-BtCTZnofpI5a8U9S1P9-zo=",
    timestamp: 1777420800,
    call: ["postHeartbeat"],
  },
  {
    what: "heartbeat starting a V2 chain with the empty id, secret in standard base64",
    secret: "EcRXD5vORh7phFNmXBz+bMkpIFz9gUXTxLP6XicMRgQ=",
    timestamp: 1781481600,
    call: ["postHeartbeat"],
  },
  {
    what: "heartbeat continuing a chain with the id the last answer named, secret in urlsafe base64",
    secret: "e9Tn7PbubG2tmqo1NtJDqwGdN0rSDQuVHieU7QHfaUs=",
    timestamp: 1781481610,
    call: ["postHeartbeat", "7c3e9a1f-5b2d-4e8a-9f6c-0d1b2a3c4e5f"],
  },
  {
    what: "heartbeat with null id, secret in urlsafe base64",
    secret: "kYwZgvuHhBhN-4qP41Wpx8ztnoxTZv1kGII6m-MdMYM=",
    timestamp: 1708948318,
    client: "v1",
    call: ["postHeartbeat"],
  },
  {
    what: "heartbeat with null id, secret in standard base64",
    secret: "wvCSFhgFM6bVp7Orz47zcsYDEVIJl2FCEnhamEdWB1s=",
    timestamp: 1714967131,
    client: "v1",
    call: ["postHeartbeat"],
  },
  {
    what: "non-ASCII characters in the body are signed as UTF-8, secret in urlsafe base64",
    secret: "drHA6PcKbPIowTjAgKveHdsBKP4YLRtDmNhZYoYZGsQ=",
    timestamp: 1714559987,
    call: ["cancelOrder", "0xéü"],
  },
  {
    what: "non-ASCII characters in the body are signed as UTF-8, secret in standard base64",
    secret: "3frl7C7zeApy81UcXnBYbBwyNqbZk+9aCJmYcn4xhWk=",
    timestamp: 1707639487,
    call: ["cancelOrder", "0xéü"],
  },
];

const NOTE =
  "signature = url-safe base64 (with '=' padding) of HMAC-SHA256(key = base64-decoded secret, either alphabet; " +
  "message = timestamp + method + requestPath + body, body appended only when present, as the exact bytes sent, UTF-8). " +
  "body null means no body. Generated by interop/vectors.mjs: 'through the client' cases are the body and the " +
  "POLY_SIGNATURE header the client's own call put on the wire (timestamp fixed by its useServerTime).";

// ------------------------------------------------------- the loopback server

/** Answers GET /time with the timestamp of the case under way and records every other request. */
function captureServer() {
  const state = { timestamp: 0, captured: [] };
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url, "http://127.0.0.1");
      const reply = (body) => {
        res.writeHead(200, { "Content-Type": "application/json" });
        res.end(JSON.stringify(body));
      };
      if (req.method === "GET" && url.pathname === "/time") return reply(state.timestamp);
      const body = Buffer.concat(chunks);
      state.captured.push({
        method: req.method,
        requestPath: url.pathname,
        body: body.length === 0 ? null : body.toString("utf8"),
        timestamp: req.headers.poly_timestamp,
        signature: req.headers.poly_signature,
      });
      if (url.pathname === "/data/orders") return reply({ data: [], next_cursor: "LTE=", limit: 100, count: 0 });
      if (url.pathname === "/v1/heartbeats") return reply({ heartbeat_id: "next" });
      return reply({ canceled: [], not_canceled: {} });
    });
  });
  return new Promise((resolve, reject) => {
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => resolve({ state, server, base: `http://127.0.0.1:${server.address().port}` }));
  });
}

function clientFor(kind, base, secret) {
  const creds = { key: "00000000-0000-0000-0000-000000000000", secret, passphrase: "vectors" };
  if (kind === "v1") return new ClobClientV1(base, 137, WALLET, creds, undefined, undefined, undefined, true);
  return new ClobClient({ host: base, chain: 137, signer: WALLET, creds, useServerTime: true });
}

async function throughClient(capture, c) {
  const [name, ...args] = c.call;
  const kind = c.client ?? "v2";
  capture.state.timestamp = c.timestamp;
  capture.state.captured = [];
  await withTimeout(calls[name](clientFor(kind, capture.base, c.secret), ...args), CALL_TIMEOUT_MS, `${name} (${c.what})`);
  if (capture.state.captured.length !== 1) {
    throw new Error(`${c.what}: expected one request from ${name}, the server saw ${capture.state.captured.length}`);
  }
  const sent = capture.state.captured[0];
  if (sent.timestamp !== String(c.timestamp)) {
    throw new Error(`${c.what}: the client sent POLY_TIMESTAMP ${sent.timestamp}, not the server time ${c.timestamp}`);
  }
  // The exported header function agrees with what the call signed (v2 only: v1's export differs in shape).
  if (kind === "v2") {
    const h = await createL2Headers(WALLET, { key: "k", secret: c.secret, passphrase: "p" },
      { method: sent.method, requestPath: sent.requestPath, body: sent.body ?? undefined }, c.timestamp);
    if (h.POLY_SIGNATURE !== sent.signature) throw new Error(`${c.what}: createL2Headers disagrees with ${name}`);
  }
  return {
    source: `${kind === "v1" ? V1 : V2}, ClobClient.${name} through the client`,
    method: sent.method,
    requestPath: sent.requestPath,
    body: sent.body,
    signature: sent.signature,
  };
}

async function withHeaderFunction(c) {
  const { method, requestPath, body } = c.sign;
  const h = await createL2Headers(WALLET, { key: "k", secret: c.secret, passphrase: "p" },
    { method, requestPath, body: body ?? undefined }, c.timestamp);
  if (c.expect && h.POLY_SIGNATURE !== c.expect.signature) {
    throw new Error(`${c.what}: ${V2} gives ${h.POLY_SIGNATURE}, ${c.expect.source} expects ${c.expect.signature}`);
  }
  const source = c.expect ? `${c.expect.source}; reproduced by ${V2} createL2Headers` : `${V2}, createL2Headers`;
  return { source, method, requestPath, body, signature: h.POLY_SIGNATURE };
}

async function generate() {
  const capture = await captureServer();
  try {
    const cases = [];
    for (const c of CASES) {
      const made = c.call ? await throughClient(capture, c) : await withHeaderFunction(c);
      cases.push({
        what: c.what,
        source: made.source,
        secret: c.secret,
        timestamp: c.timestamp,
        method: made.method,
        requestPath: made.requestPath,
        body: made.body,
        signature: made.signature,
      });
    }
    return { generatedBy: "interop/vectors.mjs", clients: [V2, V1], cases, note: NOTE };
  } finally {
    capture.server.closeAllConnections();
    capture.server.close();
  }
}

const vectors = await generate();
const text = `${JSON.stringify(vectors, null, 2)}\n`;
if (process.argv.includes("--check")) {
  let onDisk;
  try {
    onDisk = JSON.parse(readFileSync(OUT, "utf8"));
  } catch (err) {
    console.log(`not ok - ${path.relative(process.cwd(), OUT)}: ${err.message}`);
    process.exit(1);
  }
  if (!isDeepStrictEqual(onDisk, vectors)) {
    const differ = vectors.cases.filter((c, i) => !isDeepStrictEqual(onDisk.cases?.[i], c)).map((c) => c.what);
    console.log(`not ok - ${OUT} is not what the clients compute now (run node vectors.mjs): ${differ.join("; ") || "header fields"}`);
    process.exit(1);
  }
  console.log(`ok - the ${vectors.cases.length} L2 vectors in the repository are what ${V2} and ${V1} compute`);
} else {
  writeFileSync(OUT, text);
  console.log(`wrote ${vectors.cases.length} cases to ${OUT}`);
}
process.exit(0);
