// The cancel family beyond one order: cancelOrders (DELETE /orders),
// cancelMarketOrders (DELETE /cancel-market-orders) and cancelAll
// (DELETE /cancel-all), each cancelling exactly the orders it names and
// nothing of another account; and the V2 limit of DELETE /orders, 1000 ids
// (exchange changelog, 15 June 2026): 1001 are refused whole, 1000 go through.

import { listMarket, newAccount, newMarket, orders, seedOrders, timed, unknownOrderId, wireRequest } from "../lib/accounts.mjs";
import { check, expectEqual, expectSameIds, prepare } from "../lib/report.mjs";
import { expectStatuses } from "../lib/sim.mjs";
import { NOT_FOUND_MSG } from "./cancel-order.mjs";

const AREA = "batch cancels";
export const BATCH_MAX = 1000;
export const TOO_MANY = `Too many orders in payload, max allowed: ${BATCH_MAX}`;

/** Checks a cancel answer: canceled = exactly `ids` (any order), not_canceled = `notCanceled`. */
function expectCancelAnswer(resp, ids, notCanceled, what, context) {
  if (!resp || typeof resp !== "object" || !("canceled" in resp)) {
    throw new Error(`${what}: expected {canceled, not_canceled}, got ${JSON.stringify(resp)}\n${context}`);
  }
  expectSameIds(resp.canceled, ids, `${what} canceled`, context);
  expectEqual(resp.not_canceled, notCanceled, `${what} not_canceled`, context);
}

export async function batchCancelChecks(base) {
  const { me, m1, a1, named, inA1, inA2, inM2, theirs } = await prepare(AREA, async () => {
    const me = await newAccount(base);
    const other = await newAccount(base); // a second account: its orders must survive
    const m1 = newMarket(2); // two assets
    const m2 = newMarket(1);
    await listMarket(base, m1);
    await listMarket(base, m2);
    const [a1, a2] = m1.assets;
    const [a3] = m2.assets;
    const named = await seedOrders(base, orders(me, m1.market, a1, 3)); // for cancelOrders
    const inA1 = await seedOrders(base, orders(me, m1.market, a1, 2, { side: "SELL", price: "0.6" }));
    const inA2 = await seedOrders(base, orders(me, m1.market, a2, 2));
    const inM2 = await seedOrders(base, orders(me, m2.market, a3, 3, { price: "0.3", size: "7" }));
    const theirs = [
      ...(await seedOrders(base, orders(other, m1.market, a1, 2))),
      ...(await seedOrders(base, orders(other, m2.market, a3, 1))),
    ];
    return { me, m1, a1, named, inA1, inA2, inM2, theirs };
  });
  const { client } = me;

  // cancelOrders: two of mine and an id nobody has.
  const [id1, id2, id3] = named;
  const unknown = unknownOrderId();
  await check(`cancelOrders([id1, id2, unknown]) -> canceled [id1, id2], not_canceled[unknown] = "${NOT_FOUND_MSG}"`, async () => {
    const body = [id1, id2, unknown];
    const resp = await timed(client.cancelOrders(body), "cancelOrders");
    expectCancelAnswer(resp, [id1, id2], { [unknown]: NOT_FOUND_MSG }, "cancelOrders answer", wireRequest(base, "DELETE", "/orders", body, me));
  });

  await check("after cancelOrders: id1, id2 CANCELED, the order not named still LIVE", async () => {
    await expectStatuses(base, [id1, id2], "CANCELED", "named orders");
    await expectStatuses(base, [id3], "LIVE", "order not named");
  });

  // cancelMarketOrders with market and asset_id: only that asset's orders.
  await check("cancelMarketOrders({market, asset_id}) -> canceled = my orders of that asset only", async () => {
    const body = { market: m1.market, asset_id: a1 };
    const resp = await timed(client.cancelMarketOrders(body), "cancelMarketOrders(market, asset_id)");
    // id3 is in the same asset as inA1, so it goes too.
    expectCancelAnswer(resp, [id3, ...inA1], {}, "cancelMarketOrders answer", wireRequest(base, "DELETE", "/cancel-market-orders", body, me));
    await expectStatuses(base, [id3, ...inA1], "CANCELED", "orders of the asset");
    await expectStatuses(base, [...inA2, ...inM2], "LIVE", "my orders of the market's other asset and of another market");
    await expectStatuses(base, theirs, "LIVE", "second account's orders");
  });

  // cancelMarketOrders with only market: the rest of that market, not the other market.
  await check("cancelMarketOrders({market}) -> canceled = my remaining orders of that market only", async () => {
    const body = { market: m1.market };
    const resp = await timed(client.cancelMarketOrders(body), "cancelMarketOrders(market)");
    expectCancelAnswer(resp, inA2, {}, "cancelMarketOrders answer", wireRequest(base, "DELETE", "/cancel-market-orders", body, me));
    await expectStatuses(base, inA2, "CANCELED", "orders of the market");
    await expectStatuses(base, inM2, "LIVE", "my orders of another market");
    await expectStatuses(base, theirs, "LIVE", "second account's orders");
  });

  // cancelAll: everything of mine still live, nothing of the second account.
  const more = await prepare(AREA, () => seedOrders(base, orders(me, m1.market, a1, 2, { price: "0.45" })));
  const remaining = [...inM2, ...more];
  await check("cancelAll() -> canceled = exactly my remaining live orders", async () => {
    const resp = await timed(client.cancelAll(), "cancelAll");
    expectCancelAnswer(resp, remaining, {}, "cancelAll answer", wireRequest(base, "DELETE", "/cancel-all", undefined, me));
    await expectStatuses(base, remaining, "CANCELED", "my orders");
  });

  await check("cancelAll() leaves the second account's orders LIVE", async () => {
    await expectStatuses(base, theirs, "LIVE", "second account's orders");
  });
}

/** cancelOrders over the V2 limit, and at it. */
export async function batchLimitChecks(base) {
  const { me, ids } = await prepare(AREA, async () => {
    const me = await newAccount(base);
    const { market, assets } = newMarket();
    return { me, ids: await seedOrders(base, orders(me, market, assets[0], BATCH_MAX + 1)) };
  });
  const { client } = me;
  const openIds = async (what) => (await timed(client.getOpenOrders(), what)).map((o) => o.id);

  await check(`cancelOrders(${BATCH_MAX + 1} ids) -> {error: "${TOO_MANY}", status: 400}, none canceled`, async () => {
    const resp = await timed(client.cancelOrders(ids), `cancelOrders(${ids.length} ids)`);
    expectEqual(resp, { error: TOO_MANY, status: 400 }, `cancelOrders answer for ${ids.length} ids`);
    expectSameIds(await openIds("getOpenOrders() after the refusal"), ids, "getOpenOrders() after the refused batch");
  });

  await check(`cancelOrders(${BATCH_MAX} ids) -> all ${BATCH_MAX} canceled, the one left out still LIVE`, async () => {
    const batch = ids.slice(0, BATCH_MAX);
    const resp = await timed(client.cancelOrders(batch), `cancelOrders(${batch.length} ids)`);
    expectCancelAnswer(resp, batch, {}, `cancelOrders answer for ${batch.length} ids`, `${batch.length} ids of one account`);
    expectSameIds(await openIds("getOpenOrders() after the batch"), ids.slice(BATCH_MAX), "getOpenOrders() after the batch");
  });
}
