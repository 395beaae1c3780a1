// Scripted faults (POST /_sim/faults) on DELETE /order, as the official client
// reports them: a 500 once, a TCP reset (a network error: no status), and a
// 429 with Retry-After. The faults are cleared whatever happens.

import { newAccount, newMarket, orders, seedOrders, timed } from "../lib/accounts.mjs";
import { check, expectEqual, note, prepare, show, sleep } from "../lib/report.mjs";
import { admin, adminExpect, describe, expectStatuses } from "../lib/sim.mjs";
import { exchangesSeen, lastExchange } from "../lib/wiretap.mjs";

const AREA = "faults";
const MAX_RETRY_AFTER_S = 5; // the longest Retry-After the check honours

async function addFault(base, rule) {
  return adminExpect(base, "POST", "/_sim/faults", rule, 201);
}

async function faultsLeft(base) {
  const r = await admin(base, "GET", "/_sim/faults");
  if (r.status !== 200 || !Array.isArray(r.json)) throw new Error(`GET /_sim/faults: ${describe(r)}`);
  return r.json;
}

export async function faultChecks(base) {
  const { me, ids } = await prepare(AREA, async () => {
    const me = await newAccount(base);
    const { market, assets } = newMarket();
    await adminExpect(base, "DELETE", "/_sim/faults", undefined, 204);
    return { me, ids: await seedOrders(base, orders(me, market, assets[0], 3)) };
  });
  const { client } = me;
  const cancel = (id, what) => timed(client.cancelOrder({ orderID: id }), what);
  const canceled = (id) => ({ canceled: [id], not_canceled: {} });

  try {
    const rule500 = { path: "/order", status: 500, times: 1 };
    await check(`fault ${JSON.stringify(rule500)}: client reports status 500 once, the next cancelOrder cancels`, async () => {
      await addFault(base, rule500);
      const first = await cancel(ids[0], "cancelOrder (500 fault)");
      if (first?.status !== 500 || typeof first?.error !== "string") {
        throw new Error(`first cancelOrder: expected {error: "...", status: 500}, got ${show(first)}`);
      }
      await expectStatuses(base, [ids[0]], "LIVE", "order after the 500");
      expectEqual(await faultsLeft(base), [], "GET /_sim/faults after the rule's one time");
      const second = await cancel(ids[0], "cancelOrder (after the 500)");
      expectEqual(second, canceled(ids[0]), "second cancelOrder answer");
      return `error: ${JSON.stringify(first.error)}`;
    });

    const ruleReset = { path: "/order", action: "reset", times: 1 };
    await check(`fault ${JSON.stringify(ruleReset)}: client reports a network error (no status), order stays LIVE`, async () => {
      await addFault(base, ruleReset);
      const seenBefore = exchangesSeen();
      const resp = await cancel(ids[1], "cancelOrder (reset fault)");
      // The client's error result for a failure without an HTTP answer: {error: err.message}, no status.
      if (!resp || typeof resp.error !== "string" || "status" in resp || "canceled" in resp) {
        throw new Error(`expected {error: "<network error>"} without status, got ${show(resp)}`);
      }
      const wire = lastExchange("DELETE", "/order");
      if (exchangesSeen() === seenBefore || !wire || wire.status !== undefined) {
        throw new Error(`wire tap: expected a DELETE /order without an HTTP answer, saw ${show(wire)}`);
      }
      await expectStatuses(base, [ids[1]], "LIVE", "order after the reset");
      const again = await cancel(ids[1], "cancelOrder (after the reset)");
      expectEqual(again, canceled(ids[1]), "cancelOrder answer after the reset");
      return `error: ${JSON.stringify(resp.error)}, code ${wire.code}`;
    });

    const rule429 = { path: "/order", status: 429, times: 1, headers: { "Retry-After": "1" } };
    await check(`fault ${JSON.stringify(rule429)}: client reports status 429, Retry-After 1 on the wire, retry after it cancels`, async () => {
      await addFault(base, rule429);
      const resp = await cancel(ids[2], "cancelOrder (429 fault)");
      if (resp?.status !== 429 || typeof resp?.error !== "string") {
        throw new Error(`expected {error: "...", status: 429}, got ${show(resp)}`);
      }
      const wire = lastExchange("DELETE", "/order");
      const retryAfter = wire?.headers?.["retry-after"];
      if (wire?.status !== 429 || retryAfter !== "1") {
        throw new Error(`wire tap: expected a 429 with Retry-After: 1, saw ${show(wire)}`);
      }
      await expectStatuses(base, [ids[2]], "LIVE", "order after the 429");
      await sleep(Math.min(Number(retryAfter), MAX_RETRY_AFTER_S) * 1000); // as told, bounded
      const again = await cancel(ids[2], "cancelOrder (after Retry-After)");
      expectEqual(again, canceled(ids[2]), "cancelOrder answer after waiting Retry-After");
      return `error: ${JSON.stringify(resp.error)}`;
    });

    await check("DELETE /_sim/faults -> 204, GET /_sim/faults -> []", async () => {
      await addFault(base, { path: "/order", status: 503 }); // no times: until removed
      await adminExpect(base, "DELETE", "/_sim/faults", undefined, 204);
      expectEqual(await faultsLeft(base), [], "GET /_sim/faults");
    });
  } finally {
    // Whatever failed above, no fault is left for the other areas.
    await adminExpect(base, "DELETE", "/_sim/faults", undefined, 204).catch((err) => note(`could not clear the faults: ${err.message}`));
  }
}
