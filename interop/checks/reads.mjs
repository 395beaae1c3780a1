// Reads: getOrder (GET /data/order/{id}), getOpenOrders (GET /data/orders,
// paged with next_cursor until "LTE="), and the public getOrderBook (GET /book).

import { listMarket, newAccount, newMarket, orders, seedOrders, timed, unknownOrderId } from "../lib/accounts.mjs";
import { check, expectEqual, expectSameIds, prepare, show } from "../lib/report.mjs";
import { admin, adminExpect, describe } from "../lib/sim.mjs";

const AREA = "reads";
const NO_BOOK = "No orderbook exists for the requested token id";

export async function readChecks(base) {
  const { me, other, m1, m2, inM1, inM2, gone, partial } = await prepare(AREA, async () => {
    const me = await newAccount(base);
    const other = await newAccount(base); // its orders must not show in my listings
    const m1 = newMarket(2);
    const m2 = newMarket(1);
    // 120 orders, more than one page of 100, at prices that differ: bids at 0.01 .. 0.40 and asks
    // at 0.60 .. 0.99, so that none crosses another (or the other account's bids at 0.5) and matches.
    const mixed = (i) => (i % 3 === 0
      ? { side: "SELL", price: `0.${60 + (i % 40)}` }
      : { side: "BUY", price: `0.${String(1 + (i % 40)).padStart(2, "0")}` });
    const inM1 = await seedOrders(base, [
      ...orders(me, m1.market, m1.assets[0], 50).map((o, i) => ({ ...o, ...mixed(i) })),
      ...orders(me, m1.market, m1.assets[1], 30).map((o, i) => ({ ...o, ...mixed(i + 50) })),
    ]);
    const inM2 = await seedOrders(base, orders(me, m2.market, m2.assets[0], 40).map((o, i) => ({ ...o, ...mixed(i + 80) })));
    await seedOrders(base, orders(other, m1.market, m1.assets[0], 5));
    await seedOrders(base, orders(other, m2.market, m2.assets[0], 5));
    // Two of mine canceled (one per market): they must not be listed.
    const gone = [inM1[7], inM2[3]];
    const resp = await timed(me.client.cancelOrders(gone), "cancelOrders (setup)");
    expectSameIds(resp?.canceled, gone, "cancelOrders (setup) canceled");
    // One of mine partly filled: still live, size_matched shows it.
    const [partial] = await seedOrders(base, [
      { owner: me.creds.key, market: m2.market, assetId: m2.assets[0], side: "SELL", price: "0.55", size: "12.5" },
    ]);
    await adminExpect(base, "POST", `/_sim/orders/${partial}/match`, { size: "2.5" }, 200);
    return { me, other, m1, m2, inM1, inM2, gone, partial };
  });
  const { client } = me;
  const liveM1 = inM1.filter((id) => !gone.includes(id));
  const liveM2 = [...inM2.filter((id) => !gone.includes(id)), partial];

  await check("getOrder(id) -> id, status LIVE, original_size, size_matched, price, side (partly filled order)", async () => {
    const resp = await timed(client.getOrder(partial), "getOrder");
    const picked = resp && typeof resp === "object" ? {
      id: resp.id, status: resp.status, original_size: resp.original_size,
      size_matched: resp.size_matched, price: resp.price, side: resp.side,
    } : resp;
    expectEqual(
      picked,
      { id: partial, status: "LIVE", original_size: "12.5", size_matched: "2.5", price: "0.55", side: "SELL" },
      `getOrder answer (GET ${base}/data/order/${partial}; full answer ${show(resp)})`,
    );
  });

  await check("getOrder(id) of a canceled order -> status CANCELED", async () => {
    const resp = await timed(client.getOrder(gone[0]), "getOrder (canceled)");
    expectEqual(resp?.status, "CANCELED", `getOrder status (full answer ${show(resp)})`);
  });

  await check("getOrder(unknown id) -> the client's error result with status 404", async () => {
    const id = unknownOrderId();
    const resp = await timed(client.getOrder(id), "getOrder (unknown)");
    if (resp?.status !== 404 || typeof resp?.error !== "string") {
      throw new Error(`expected {error: "...", status: 404}, got ${show(resp)} for GET ${base}/data/order/${id}`);
    }
  });

  const pagesBefore = await prepare(AREA, () => openOrderPages(base, me.creds.key));
  await check(`getOpenOrders() -> exactly my ${liveM1.length + liveM2.length} live orders, over two pages`, async () => {
    const resp = await timed(client.getOpenOrders(), "getOpenOrders");
    if (!Array.isArray(resp)) throw new Error(`expected an array of orders, got ${show(resp)}`);
    expectSameIds(resp.map((o) => o?.id), [...liveM1, ...liveM2], "getOpenOrders ids");
    const wrong = resp.filter((o) => o.status !== "LIVE" || o.owner !== me.creds.key);
    if (wrong.length > 0) throw new Error(`orders not LIVE or not mine: ${show(wrong.slice(0, 3))}`);
    // The journal tells how the client paged: first cursor "MA==", then the server's, ending at "LTE=".
    const pages = (await openOrderPages(base, me.creds.key)).slice(pagesBefore.length);
    const cursors = pages.map((e) => new URLSearchParams(e.query ?? "").get("next_cursor"));
    if (pages.length !== 2 || cursors[0] !== "MA==" || pages.some((e) => e.status !== 200)) {
      throw new Error(`expected two GET /data/orders (next_cursor MA== then the server's), journal has ${show(pages.map((e) => ({ query: e.query, status: e.status })))}`);
    }
    return `pages with next_cursor ${cursors.join(", ")}`;
  });

  await check("getOpenOrders({market}) -> exactly my live orders of that market", async () => {
    const resp = await timed(client.getOpenOrders({ market: m2.market }), "getOpenOrders({market})");
    if (!Array.isArray(resp)) throw new Error(`expected an array of orders, got ${show(resp)}`);
    expectSameIds(resp.map((o) => o?.id), liveM2, "getOpenOrders({market}) ids");
  });

  await check("getOpenOrders({market, asset_id}) -> exactly my live orders of that asset", async () => {
    const resp = await timed(client.getOpenOrders({ market: m1.market, asset_id: m1.assets[1] }), "getOpenOrders({asset_id})");
    if (!Array.isArray(resp)) throw new Error(`expected an array of orders, got ${show(resp)}`);
    expectSameIds(resp.map((o) => o?.id), liveM1.filter((id) => inM1.indexOf(id) >= 50), "getOpenOrders({asset_id}) ids");
  });

  // The public book of a fresh asset: levels add up the live orders' remaining sizes.
  const book = await prepare(AREA, async () => {
    const m3 = newMarket(1);
    await listMarket(base, m3);
    const asset = m3.assets[0];
    const o = (side, price, size) => ({ owner: other.creds.key, market: m3.market, assetId: asset, side, price, size });
    const ids = await seedOrders(base, [
      o("BUY", "0.5", "10"), o("BUY", "0.5", "10"), o("BUY", "0.45", "5"),
      o("SELL", "0.6", "3"), o("SELL", "0.6", "4"), o("SELL", "0.7", "2"),
      o("BUY", "0.5", "6"), // canceled below: must leave the book
      o("SELL", "0.7", "8"), // filled by 5 below: 3 left on the book
    ]);
    const resp = await timed(other.client.cancelOrder({ orderID: ids[6] }), "cancelOrder (setup)");
    expectSameIds(resp?.canceled, [ids[6]], "cancelOrder (setup) canceled");
    await adminExpect(base, "POST", `/_sim/orders/${ids[7]}/match`, { size: "5" }, 200);
    return { market: m3.market, asset };
  });

  await check('getOrderBook(tokenId) -> bids [{0.45, 5}, {0.5, 20}], asks [{0.7, 5}, {0.6, 7}] (best last)', async () => {
    const resp = await timed(client.getOrderBook(book.asset), "getOrderBook");
    const context = `GET ${base}/book?token_id=${book.asset} -> ${show(resp)}`;
    expectEqual(resp?.market, book.market, "book market", context);
    expectEqual(resp?.asset_id, book.asset, "book asset_id", context);
    expectEqual(resp?.bids, [{ price: "0.45", size: "5" }, { price: "0.5", size: "20" }], "book bids", context);
    expectEqual(resp?.asks, [{ price: "0.7", size: "5" }, { price: "0.6", size: "7" }], "book asks", context);
  });

  await check(`getOrderBook(unlisted tokenId) -> {error: "${NO_BOOK}", status: 404}`, async () => {
    const token = BigInt(`0x${unknownOrderId().slice(2)}`).toString(10);
    const resp = await timed(client.getOrderBook(token), "getOrderBook (unlisted)");
    expectEqual(resp, { error: NO_BOOK, status: 404 }, "getOrderBook answer", `GET ${base}/book?token_id=${token}`);
  });
}

/** The journal's GET /data/orders entries of one API key, oldest first. */
async function openOrderPages(base, apiKey) {
  const r = await admin(base, "GET", "/_sim/requests?path=/data/orders&method=GET");
  if (r.status !== 200 || !Array.isArray(r.json)) throw new Error(`journal: ${describe(r)}`);
  return r.json.filter((e) => e.apiKey === apiKey);
}
