#!/usr/bin/env node
// Writes the EIP-712 vectors the simulator's Java tests read: L1 (ClobAuth) headers and signed
// V2 orders, made by the OFFICIAL, unmodified @polymarket/clob-client-v2 (its createL1Headers and
// OrderBuilder), with each order's hash computed by viem's hashTypedData from the client's own
// typed data (the id the exchange gives the order).
//
//   node eip712-vectors.mjs > ../clob-simulator/src/test/resources/vectors/eip712.json
//
// The keys are fixed test keys that hold nothing; salts and timestamps are drawn by the client, so
// each run writes other orders, all equally valid.

import { createL1Headers, getContractConfig, OrderBuilder, orderToJsonV2, Side, SignatureTypeV2 } from "@polymarket/clob-client-v2";
import { createWalletClient, hashTypedData, http } from "viem";
import { privateKeyToAccount } from "viem/accounts";

const KEYS = [
  "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318",
  "0x0000000000000000000000000000000000000000000000000000000000000001",
  "0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140",
];

const ORDER_TYPES = {
  Order: [
    { name: "salt", type: "uint256" },
    { name: "maker", type: "address" },
    { name: "signer", type: "address" },
    { name: "tokenId", type: "uint256" },
    { name: "makerAmount", type: "uint256" },
    { name: "takerAmount", type: "uint256" },
    { name: "side", type: "uint8" },
    { name: "signatureType", type: "uint8" },
    { name: "timestamp", type: "uint256" },
    { name: "metadata", type: "bytes32" },
    { name: "builder", type: "bytes32" },
  ],
};

function wallet(key) {
  // The transport is never used: a local account signs typed data without a node.
  return createWalletClient({ account: privateKeyToAccount(key), transport: http("http://127.0.0.1:9") });
}

function contract(chainId, version, negRisk) {
  const config = getContractConfig(chainId);
  if (version === 3) return config.exchangeV3;
  return negRisk ? config.negRiskExchangeV2 : config.exchangeV2;
}

function orderHash(order, chainId, version, negRisk) {
  return hashTypedData({
    domain: { name: "Polymarket CTF Exchange", version: String(version), chainId, verifyingContract: contract(chainId, version, negRisk) },
    types: ORDER_TYPES,
    primaryType: "Order",
    message: {
      salt: BigInt(order.salt),
      maker: order.maker,
      signer: order.signer,
      tokenId: BigInt(order.tokenId),
      makerAmount: BigInt(order.makerAmount),
      takerAmount: BigInt(order.takerAmount),
      side: order.side === "BUY" ? 0 : 1,
      signatureType: order.signatureType,
      timestamp: BigInt(order.timestamp),
      metadata: order.metadata,
      builder: order.builder,
    },
  });
}

const l1 = [];
const orders = [];
for (const [i, key] of KEYS.entries()) {
  const signer = wallet(key);
  for (const chainId of [137, 80002]) {
    const nonce = i * 7;
    const timestamp = 1767225600 + i;
    const headers = await createL1Headers(signer, chainId, nonce, timestamp);
    l1.push({ privateKey: key, chainId, address: headers.POLY_ADDRESS, timestamp: headers.POLY_TIMESTAMP,
      nonce: headers.POLY_NONCE, signature: headers.POLY_SIGNATURE });
    for (const [version, negRisk, side, price, size, tickSize] of [
      [2, false, Side.BUY, 0.5, 10, "0.01"],
      [2, true, Side.SELL, 0.37, 12.5, "0.01"],
      [3, false, Side.BUY, 0.123, 100, "0.001"],
    ]) {
      const builder = new OrderBuilder(signer, chainId, SignatureTypeV2.EOA);
      const tokenID = (71321045679252212594626385532706912750332728571942532289631379312455583992563n + BigInt(i)).toString();
      const order = await builder.buildOrder({ tokenID, price, size, side }, { tickSize, negRisk }, version);
      orders.push({ chainId, version, negRisk, body: orderToJsonV2(order, "00000000-0000-4000-8000-000000000000", "GTC"),
        hash: orderHash(order, chainId, version, negRisk) });
    }
  }
}
console.log(JSON.stringify({ source: "@polymarket/clob-client-v2 1.1.0 (createL1Headers, OrderBuilder) and viem hashTypedData", l1, orders }, null, 2));
