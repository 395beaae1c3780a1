// Accounts, markets and orders on the simulator, and official clients for them.

import { randomBytes, randomUUID } from "node:crypto";

import { ClobClient as ClobClientV1 } from "@polymarket/clob-client";
import { ClobClient } from "@polymarket/clob-client-v2";
import { createWalletClient, custom } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { polygon } from "viem/chains";

import { adminExpect, describe } from "./sim.mjs";

export const CHAIN_ID = 137;
export const ID_RE = /^0x[0-9a-fA-F]{64}$/;

export function hex(nBytes) {
  return randomBytes(nBytes).toString("hex");
}

/** Every secret and passphrase the run made: the journal must show none of them. */
export const secretsSeen = new Set();

/** url-safe base64 WITH "=" padding, like real CLOB secrets. */
export function newSecret() {
  const secret = randomBytes(32).toString("base64").replace(/\+/g, "-").replace(/\//g, "_");
  secretsSeen.add(secret);
  return secret;
}

/** An order id (order hash) that no order has. */
export function unknownOrderId() {
  return `0x${hex(32)}`;
}

/** A condition id and token ids (decimal, like real ones) for a market the run invents. */
export function newMarket(nAssets = 1) {
  return {
    market: `0x${hex(32)}`,
    assets: Array.from({ length: nAssets }, () => BigInt(`0x${hex(32)}`).toString(10)),
  };
}

export function walletFor(privateKey) {
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

/** A fresh wallet and API credentials, not yet registered. */
export function newIdentity() {
  const wallet = walletFor(`0x${hex(32)}`);
  const creds = { key: randomUUID(), secret: newSecret(), passphrase: hex(32) };
  secretsSeen.add(creds.passphrase);
  // EIP-55 checksummed, as the client sends it
  return { wallet, address: wallet.account.address, creds };
}

/** POST /_sim/accounts (expects 201). */
export async function register(base, identity) {
  const { creds, address } = identity;
  await adminExpect(
    base,
    "POST",
    "/_sim/accounts",
    { apiKey: creds.key, secret: creds.secret, passphrase: creds.passphrase, address },
    201,
  );
  return identity;
}

/** A registered account with its official client: {wallet, address, creds, client}. */
export async function newAccount(base) {
  const identity = await register(base, newIdentity());
  return { ...identity, client: clientFor(base, identity) };
}

/** The official client, as a user builds it (errors returned, not thrown, unless throwOnError). */
export function clientFor(base, { wallet, creds }, { throwOnError = false } = {}) {
  return new ClobClient({ host: base, chain: CHAIN_ID, signer: wallet, creds, throwOnError });
}

/** The archived V1 client (@polymarket/clob-client 5.8.1), only where it shows what V2 does not. */
export function v1ClientFor(base, { wallet, creds }) {
  return new ClobClientV1(base, CHAIN_ID, wallet, creds);
}

/** POST /_sim/markets (expects 201). */
export async function listMarket(base, { market, assets }) {
  await adminExpect(base, "POST", "/_sim/markets", { market, assets }, 201);
}

/**
 * POST /_sim/orders with an array of {owner, market, assetId, side, price, size}
 * (expects 201 {"ids":[...]}, one distinct "0x"+64-hex id per order, in order).
 */
export async function seedOrders(base, orders) {
  const r = await adminExpect(base, "POST", "/_sim/orders", orders, 201);
  const ids = r.json?.ids;
  if (
    !Array.isArray(ids) ||
    ids.length !== orders.length ||
    !ids.every((id) => typeof id === "string" && ID_RE.test(id)) ||
    new Set(ids).size !== ids.length
  ) {
    throw new Error(`expected {"ids":[${orders.length} distinct "0x"+64 hex]}\n${describe(r)}`);
  }
  return ids;
}

/** `n` orders of one account in one asset, BUY 10 at 0.5 unless `fields` says otherwise. */
export function orders(owner, market, assetId, n, fields = {}) {
  return Array.from({ length: n }, () => ({
    owner: owner.creds.key,
    market,
    assetId,
    side: "BUY",
    price: "0.5",
    size: "10",
    ...fields,
  }));
}

export const CLIENT_TIMEOUT_MS = 10_000; // per official-client call

/** Bounds an official-client call (the client itself has no timeout). */
export function timed(promise, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${CLIENT_TIMEOUT_MS} ms`)), CLIENT_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** What the official client puts on the wire for an L2 call (see README), for failure messages. */
export function wireRequest(base, method, path, body, { creds, address }) {
  return (
    `request: ${method} ${base}${path}${body === undefined ? "" : ` body ${JSON.stringify(body)}`} ` +
    `headers POLY_ADDRESS=${address} POLY_API_KEY=${creds.key} POLY_PASSPHRASE=${creds.passphrase} ` +
    `POLY_TIMESTAMP=<unix s> POLY_SIGNATURE=<HMAC-SHA256 of secret ${creds.secret}>`
  );
}
