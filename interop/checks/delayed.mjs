// Delayed taker orders (exchange changelog, 5 June 2026): a marketable order
// in a crypto or financial up/down market waits 250 ms with status delayed,
// and a cancel in that window is refused with the reason "cannot cancel
// because the order is in pending/delayed status"; after it, cancels work as
// before. The simulator holds an order seeded with "delayedMs" the same way.

import { newAccount, newMarket, orders, seedOrders, timed } from "../lib/accounts.mjs";
import { check, expectEqual, prepare, show, sleep } from "../lib/report.mjs";
import { orderStatus } from "../lib/sim.mjs";

const AREA = "delayed orders";
export const DELAYED_REASON = "cannot cancel because the order is in pending/delayed status";
const DELAY_MS = 250; // the exchange's window
const LIVE_TIMEOUT_MS = 3_000; // a 250 ms delay must be over within this

/** Polls GET /_sim/orders/{id} (bounded) until the order is LIVE. */
async function becomesLive(base, id) {
  const deadline = Date.now() + LIVE_TIMEOUT_MS;
  let status = await orderStatus(base, id);
  while (status !== "LIVE" && Date.now() < deadline) {
    await sleep(25); // poll interval of a bounded loop
    status = await orderStatus(base, id);
  }
  if (status !== "LIVE") throw new Error(`order ${id} still ${status} ${LIVE_TIMEOUT_MS} ms after a ${DELAY_MS} ms delay`);
}

export async function delayedChecks(base) {
  const { me, delayed, live } = await prepare(AREA, async () => {
    const me = await newAccount(base);
    const { market, assets } = newMarket();
    // Long enough that the checks within the window run inside it even on a busy machine.
    const held = await seedOrders(base, orders(me, market, assets[0], 2, { delayedMs: 60_000 }));
    const short = await seedOrders(base, orders(me, market, assets[0], 1, { delayedMs: DELAY_MS }));
    const live = await seedOrders(base, orders(me, market, assets[0], 1));
    return { me, delayed: { held, short: short[0] }, live: live[0] };
  });
  const { client } = me;
  const [held1, held2] = delayed.held;

  await check("a seeded delayed order reads DELAYED, in GET /_sim/orders/{id} and the client's getOrder", async () => {
    expectEqual(await orderStatus(base, held1), "DELAYED", "GET /_sim/orders/{id} status");
    const order = await timed(client.getOrder(held1), "getOrder (delayed)");
    expectEqual(order?.status, "DELAYED", `getOrder status (answer ${show(order)})`);
  });

  await check(`cancelOrder of a delayed order -> not_canceled[id] = "${DELAYED_REASON}", it stays DELAYED`, async () => {
    const resp = await timed(client.cancelOrder({ orderID: held1 }), "cancelOrder (delayed)");
    expectEqual(resp, { canceled: [], not_canceled: { [held1]: DELAYED_REASON } }, "cancelOrder answer");
    expectEqual(await orderStatus(base, held1), "DELAYED", "the order after the refused cancel");
  });

  await check("cancelOrders([delayed, live]) -> the live one canceled, the delayed one refused with the reason", async () => {
    const resp = await timed(client.cancelOrders([held2, live]), "cancelOrders (delayed and live)");
    expectEqual(resp, { canceled: [live], not_canceled: { [held2]: DELAYED_REASON } }, "cancelOrders answer");
  });

  await check(`after its ${DELAY_MS} ms the order is LIVE and cancelOrder cancels it`, async () => {
    await becomesLive(base, delayed.short);
    const resp = await timed(client.cancelOrder({ orderID: delayed.short }), "cancelOrder (after the delay)");
    expectEqual(resp, { canceled: [delayed.short], not_canceled: {} }, "cancelOrder answer after the delay");
  });
}
