// The official TypeScript client, unmodified, against the simulator's container image: what a
// TypeScript pipeline does with `docker run -p 8080:8080 clob-simulator`.
//
//   CLOB_SIM_URL=http://127.0.0.1:8080 node --test      (the URL defaults to that)
//
// Each test opens its own account through the admin API, so the tests need no reset and no order.
import assert from "node:assert/strict";
import { randomBytes, randomUUID } from "node:crypto";
import { test } from "node:test";

import { ClobClient } from "@polymarket/clob-client-v2";
import { createWalletClient, custom } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { polygon } from "viem/chains";

const BASE = (process.env.CLOB_SIM_URL ?? "http://127.0.0.1:8080").replace(/\/+$/, "");
const POLYGON = 137;
const TIMEOUT_MS = 10_000;

async function admin(method, path, body) {
  const response = await fetch(BASE + path, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/** A fresh wallet and API credentials, registered with the simulator, and the official client for them. */
async function newTrader() {
  const account = privateKeyToAccount(`0x${randomBytes(32).toString("hex")}`);
  // L2-authenticated calls need no RPC: fail loudly if the client ever tried one.
  const transport = custom({ request: async ({ method }) => { throw new Error(`unexpected JSON-RPC call ${method}`); } });
  const signer = createWalletClient({ account, chain: polygon, transport });
  const creds = {
    key: randomUUID(),
    secret: randomBytes(32).toString("base64").replace(/\+/g, "-").replace(/\//g, "_"),
    passphrase: randomBytes(32).toString("hex"),
  };
  await admin("POST", "/_sim/accounts", { apiKey: creds.key, secret: creds.secret, passphrase: creds.passphrase, address: account.address });
  return { key: creds.key, client: new ClobClient({ host: BASE, chain: POLYGON, signer, creds }) };
}

async function placeOrders(owner, count) {
  const market = `0x${randomBytes(32).toString("hex")}`;
  const order = { owner, market, assetId: BigInt(`0x${randomBytes(16).toString("hex")}`).toString(10), side: "BUY", price: "0.5", size: "10" };
  return (await admin("POST", "/_sim/orders", Array.from({ length: count }, () => order))).ids;
}

test("the container answers its health probe", async () => {
  assert.deepEqual(await admin("GET", "/_sim/health"), { status: "ok" });
});

test("getServerTime reads the simulator's clock", async () => {
  const { client } = await newTrader();
  const before = Math.floor((await admin("GET", "/_sim/clock")).epochMillis / 1000);

  const time = await client.getServerTime();

  const after = Math.floor((await admin("GET", "/_sim/clock")).epochMillis / 1000);
  assert.ok(time >= before && time <= after, `server time ${time} outside [${before}, ${after}]`);
});

test("cancelOrder cancels the trader's order, signed as the exchange expects", async () => {
  const { key, client } = await newTrader();
  const [id] = await placeOrders(key, 1);

  const answer = await client.cancelOrder({ orderID: id });

  assert.deepEqual(answer, { canceled: [id], not_canceled: {} });
  assert.equal((await admin("GET", `/_sim/orders/${id}`)).status, "CANCELED");
  const journal = await admin("GET", `/_sim/requests?method=DELETE&path=${encodeURIComponent("/order")}`);
  assert.equal(journal.filter((entry) => entry.apiKey === key && entry.auth === "ok").length, 1);
});

test("cancelOrders cancels what is live and names what is not", async () => {
  const { key, client } = await newTrader();
  const ids = await placeOrders(key, 2);
  const unknown = `0x${randomBytes(32).toString("hex")}`;

  const answer = await client.cancelOrders([...ids, unknown]);

  assert.deepEqual([...answer.canceled].sort(), [...ids].sort());
  assert.deepEqual(Object.keys(answer.not_canceled), [unknown]);
});
