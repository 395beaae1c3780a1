// An app's whole flow with the unmodified official client: an API key derived
// (and created) through L1 from a fresh wallet, the market read as the client
// reads it before signing, GTC, FOK, FAK and post-only orders, two accounts
// crossing, the trades read back, an order's id computed before it is sent and
// cancelled by it, and the rest cancelled.

import { getContractConfig, OrderType, Side } from "@polymarket/clob-client-v2";
import { ClobClient } from "@polymarket/clob-client-v2";
import { hashTypedData } from "viem";

import { CHAIN_ID, hex, ID_RE, newMarket, secretsSeen, timed, walletFor } from "../lib/accounts.mjs";
import { check, expectEqual, prepare, show } from "../lib/report.mjs";
import { adminExpect } from "../lib/sim.mjs";

const AREA = "orders flow";
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

// The V2 order struct, as the client's own typed data declares it
// (dist/order-utils/model/ctfExchangeV2TypedData.js): the id of an order is its hash.
const ORDER_TYPES = {
  Order: [
    { name: "salt", type: "uint256" }, { name: "maker", type: "address" }, { name: "signer", type: "address" },
    { name: "tokenId", type: "uint256" }, { name: "makerAmount", type: "uint256" }, { name: "takerAmount", type: "uint256" },
    { name: "side", type: "uint8" }, { name: "signatureType", type: "uint8" }, { name: "timestamp", type: "uint256" },
    { name: "metadata", type: "bytes32" }, { name: "builder", type: "bytes32" },
  ],
};

/** The id the exchange will give a signed V2 order of a market that is not neg-risk, computed here before sending it. */
function localOrderId(order) {
  return hashTypedData({
    domain: { name: "Polymarket CTF Exchange", version: "2", chainId: CHAIN_ID, verifyingContract: getContractConfig(CHAIN_ID).exchangeV2 },
    types: ORDER_TYPES,
    primaryType: "Order",
    message: {
      salt: BigInt(order.salt), maker: order.maker, signer: order.signer, tokenId: BigInt(order.tokenId),
      makerAmount: BigInt(order.makerAmount), takerAmount: BigInt(order.takerAmount), side: order.side === "BUY" ? 0 : 1,
      signatureType: order.signatureType, timestamp: BigInt(order.timestamp), metadata: order.metadata, builder: order.builder,
    },
  });
}

/** A user's wallet with no API key yet, and the client it builds to get one. */
function freshWallet(base) {
  const wallet = walletFor(`0x${hex(32)}`);
  return { wallet, address: wallet.account.address, l1: new ClobClient({ host: base, chain: CHAIN_ID, signer: wallet }) };
}

async function keyedClient(base, who) {
  const creds = await timed(who.l1.deriveApiKey(), "deriveApiKey");
  if (!UUID_RE.test(creds?.key ?? "")) throw new Error(`deriveApiKey gave ${show(creds)}`);
  secretsSeen.add(creds.secret);
  secretsSeen.add(creds.passphrase);
  return { ...who, creds, client: new ClobClient({ host: base, chain: CHAIN_ID, signer: who.wallet, creds }) };
}

function expectPlaced(resp, status, what) {
  if (resp?.success !== true || !ID_RE.test(resp?.orderID ?? "") || resp?.status !== status) {
    throw new Error(`${what}: expected {success: true, orderID: 0x..., status: "${status}"}, got ${show(resp)}`);
  }
}

export async function ordersFlowChecks(base) {
  const { alice, bob, market, token } = await prepare(AREA, async () => {
    const m = newMarket(2);
    await adminExpect(base, "POST", "/_sim/markets",
      { market: m.market, assets: m.assets, outcomes: ["Yes", "No"], tickSize: "0.01", minOrderSize: "5" }, 201);
    return { alice: freshWallet(base), bob: freshWallet(base), market: m.market, token: m.assets[0] };
  });
  let a;
  let b;

  await check("deriveApiKey() from a fresh wallet (L1) -> a key, the same on a second call", async () => {
    a = await keyedClient(base, alice);
    const again = await timed(alice.l1.deriveApiKey(), "deriveApiKey (again)");
    expectEqual(again, a.creds, "the second deriveApiKey");
    b = await keyedClient(base, bob);
    return `key ${a.creds.key}`;
  });
  if (!a || !b) return;

  await check("createApiKey() (L1) -> a new key; getApiKeys() (L2) lists both", async () => {
    const created = await timed(alice.l1.createApiKey(), "createApiKey");
    secretsSeen.add(created?.secret);
    secretsSeen.add(created?.passphrase);
    if (!UUID_RE.test(created?.key ?? "") || created.key === a.creds.key) throw new Error(`createApiKey gave ${show(created)}`);
    const listed = await timed(a.client.getApiKeys(), "getApiKeys");
    const keys = [...(listed?.apiKeys ?? [])].sort();
    expectEqual(keys, [a.creds.key, created.key].sort(), `getApiKeys (answer ${show(listed)})`);
  });

  await check("the market as the client reads it before signing: getTickSize, getNegRisk, getClobMarketInfo", async () => {
    expectEqual(await timed(a.client.getTickSize(token), "getTickSize"), "0.01", "getTickSize");
    expectEqual(await timed(a.client.getNegRisk(token), "getNegRisk"), false, "getNegRisk");
    const info = await timed(a.client.getClobMarketInfo(market), "getClobMarketInfo");
    expectEqual(info?.t?.map((t) => t.t), [token, info?.t?.[1]?.t], `getClobMarketInfo tokens (${show(info)})`);
  });

  let resting;
  await check("createAndPostOrder GTC SELL 10 at 0.50 -> live, under the id computed from the signed order", async () => {
    const order = await timed(a.client.createOrder({ tokenID: token, price: 0.5, size: 10, side: Side.SELL }), "createOrder");
    resting = localOrderId(order);
    const resp = await timed(a.client.postOrder(order, OrderType.GTC), "postOrder");
    expectPlaced(resp, "live", "postOrder");
    expectEqual(resp.orderID, resting, "orderID, against the hash computed before sending");
  });

  await check("a post-only order that would cross -> refused, the book untouched", async () => {
    const resp = await timed(b.client.createAndPostOrder({ tokenID: token, price: 0.55, size: 10, side: Side.BUY }, undefined,
      OrderType.GTC, true), "createAndPostOrder post-only");
    expectEqual(resp?.error, "invalid post-only order: order crosses book", `post-only answer (${show(resp)})`);
  });

  let tradeIds = [];
  await check("createAndPostMarketOrder FOK BUY $2.50 from another account -> matched against the resting SELL", async () => {
    const resp = await timed(b.client.createAndPostMarketOrder({ tokenID: token, amount: 2.5, side: Side.BUY }, undefined,
      OrderType.FOK), "createAndPostMarketOrder FOK");
    expectPlaced(resp, "matched", "FOK");
    tradeIds = resp.tradeIDs ?? [];
    if (tradeIds.length !== 1) throw new Error(`expected one trade id, got ${show(resp)}`);
    return `making ${resp.makingAmount}, taking ${resp.takingAmount}`;
  });

  await check("createAndPostMarketOrder FAK BUY $10 -> matched, what was left of the SELL", async () => {
    const resp = await timed(b.client.createAndPostMarketOrder({ tokenID: token, amount: 10, side: Side.BUY, price: 0.5 }, undefined,
      OrderType.FAK), "createAndPostMarketOrder FAK");
    expectPlaced(resp, "matched", "FAK");
    tradeIds = [...tradeIds, ...(resp.tradeIDs ?? [])];
    return `making ${resp.makingAmount}, taking ${resp.takingAmount}`;
  });

  await check("getTrades() of the taker -> the trades its orders made", async () => {
    const trades = await timed(b.client.getTrades({ market }), "getTrades");
    if (!Array.isArray(trades)) throw new Error(`expected an array, got ${show(trades)}`);
    expectEqual(trades.map((t) => t.id).sort(), [...tradeIds].sort(), "trade ids");
  });

  await check("an order's id computed before sending -> cancelOrder by it cancels it", async () => {
    const order = await timed(a.client.createOrder({ tokenID: token, price: 0.3, size: 20, side: Side.BUY }), "createOrder");
    const id = localOrderId(order);
    await timed(a.client.postOrder(order, OrderType.GTC), "postOrder");
    const resp = await timed(a.client.cancelOrder({ orderID: id }), "cancelOrder");
    expectEqual(resp?.canceled, [id], `cancelOrder by the local id (${show(resp)})`);
  });

  await check("GTC orders rest, then cancelAll() cancels the rest", async () => {
    const placed = [];
    for (const price of [0.2, 0.21, 0.22]) {
      const resp = await timed(a.client.createAndPostOrder({ tokenID: token, price, size: 5, side: Side.BUY }), "createAndPostOrder");
      expectPlaced(resp, "live", `GTC at ${price}`);
      placed.push(resp.orderID);
    }
    const resp = await timed(a.client.cancelAll(), "cancelAll");
    expectEqual([...(resp?.canceled ?? [])].sort(), [...placed].sort(), `cancelAll (${show(resp)})`);
  });
}
