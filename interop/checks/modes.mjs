// Exchange modes (PUT /_sim/mode): cancel-only lets cancels through, disabled
// answers 503 and restarting 425, and a mode set "forMs" ends by itself. The
// mode is set back to normal whatever happens.

import { newAccount, newMarket, orders, seedOrders, timed } from "../lib/accounts.mjs";
import { check, expectEqual, note, prepare, show, sleep } from "../lib/report.mjs";
import { admin, adminExpect, describe, expectStatuses } from "../lib/sim.mjs";

const AREA = "modes";
const DISABLED = "Trading is currently disabled. Check polymarket.com for updates";
const NOT_READY = "service not ready";
const MODE_END_TIMEOUT_MS = 3_000; // a 300 ms restart must be over within this

async function setMode(base, body) {
  const r = await adminExpect(base, "PUT", "/_sim/mode", body, 200);
  return r.json;
}

async function getMode(base) {
  const r = await admin(base, "GET", "/_sim/mode");
  if (r.status !== 200 || typeof r.json?.mode !== "string") throw new Error(`GET /_sim/mode: ${describe(r)}`);
  return r.json;
}

export async function modeChecks(base) {
  const { me, ids } = await prepare(AREA, async () => {
    const me = await newAccount(base);
    const { market, assets } = newMarket();
    return { me, ids: await seedOrders(base, orders(me, market, assets[0], 4)) };
  });
  const { client } = me;
  const cancel = (id, what) => timed(client.cancelOrder({ orderID: id }), what);

  try {
    await check("cancel-only: GET /_sim/mode reports it, cancelOrder still cancels", async () => {
      await setMode(base, { mode: "cancel-only" });
      expectEqual((await getMode(base)).mode, "cancel-only", "GET /_sim/mode mode");
      const resp = await cancel(ids[0], "cancelOrder (cancel-only)");
      expectEqual(resp, { canceled: [ids[0]], not_canceled: {} }, "cancelOrder answer in cancel-only");
      await expectStatuses(base, [ids[0]], "CANCELED", "order");
    });

    await check(`disabled: cancelOrder -> {error: "${DISABLED}", status: 503}, order stays LIVE`, async () => {
      await setMode(base, { mode: "disabled" });
      expectEqual((await getMode(base)).mode, "disabled", "GET /_sim/mode mode");
      const resp = await cancel(ids[1], "cancelOrder (disabled)");
      expectEqual(resp, { error: DISABLED, status: 503 }, "cancelOrder answer in disabled");
      await expectStatuses(base, [ids[1]], "LIVE", "order");
    });

    await check(`restarting: cancelOrder -> {error: "${NOT_READY}", status: 425}, order stays LIVE`, async () => {
      await setMode(base, { mode: "restarting" });
      expectEqual((await getMode(base)).mode, "restarting", "GET /_sim/mode mode");
      const resp = await cancel(ids[1], "cancelOrder (restarting)");
      expectEqual(resp, { error: NOT_READY, status: 425 }, "cancelOrder answer in restarting");
      await expectStatuses(base, [ids[1]], "LIVE", "order");
    });

    await check("restarting forMs 300: refused at once, back to normal by itself, then cancelOrder cancels", async () => {
      const set = await setMode(base, { mode: "restarting", forMs: 300 });
      if (set?.mode !== "restarting" || typeof set?.until !== "string") {
        throw new Error(`PUT /_sim/mode {"mode":"restarting","forMs":300}: expected {"mode":"restarting","until":"<instant>"}, got ${show(set)}`);
      }
      const during = await cancel(ids[2], "cancelOrder (restarting for 300 ms)");
      expectEqual(during, { error: NOT_READY, status: 425 }, "cancelOrder answer during the restart");
      const deadline = Date.now() + MODE_END_TIMEOUT_MS;
      let mode = await getMode(base);
      while (mode.mode !== "normal" && Date.now() < deadline) {
        await sleep(50); // poll interval of a bounded loop
        mode = await getMode(base);
      }
      expectEqual(mode, { mode: "normal", until: null }, `GET /_sim/mode ${MODE_END_TIMEOUT_MS} ms after a 300 ms restart`);
      const after = await cancel(ids[2], "cancelOrder (after the restart)");
      expectEqual(after, { canceled: [ids[2]], not_canceled: {} }, "cancelOrder answer after the restart");
    });

    await check("normal again: GET /_sim/mode reports it, cancelOrder cancels the order refused before", async () => {
      await setMode(base, { mode: "normal" });
      expectEqual(await getMode(base), { mode: "normal", until: null }, "GET /_sim/mode");
      const resp = await cancel(ids[1], "cancelOrder (normal)");
      expectEqual(resp, { canceled: [ids[1]], not_canceled: {} }, "cancelOrder answer back in normal");
      await expectStatuses(base, [ids[3]], "LIVE", "order never named");
    });
  } finally {
    // Whatever failed above, the other areas run in normal mode.
    await setMode(base, { mode: "normal" }).catch((err) => note(`could not set the mode back to normal: ${err.message}`));
  }
}
