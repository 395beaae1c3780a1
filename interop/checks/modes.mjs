// Exchange modes (PUT /_sim/mode): cancel-only lets cancels through, disabled
// answers 503 and restarting 425, and a mode set "forMs" ends by itself. CLOB
// V2's post-only mode (for two minutes after each matching-engine restart)
// takes cancels, heartbeats and post-only orders and refuses other orders with
// 503 code post_only_mode and the wait; a timed restart is followed by it. The
// mode is set back to normal whatever happens.

import { OrderBuilder } from "@polymarket/clob-client-v2";

import { CHAIN_ID, listMarket, newAccount, newMarket, orders, seedOrders, timed } from "../lib/accounts.mjs";
import { check, expectEqual, note, prepare, show, sleep } from "../lib/report.mjs";
import { admin, adminExpect, describe, expectStatuses } from "../lib/sim.mjs";
import { lastExchange } from "../lib/wiretap.mjs";

const AREA = "modes";
const DISABLED = "Trading is currently disabled. Check polymarket.com for updates";
const NOT_READY = "service not ready";
const POST_ONLY = "post-only mode: only post-only orders and cancels are allowed";
const POST_ONLY_CODE = "post_only_mode";
const POST_ONLY_DEFAULT_S = 120; // the exchange's two minutes, the wait of a post-only set until changed
const MODE_END_TIMEOUT_MS = 3_000; // a 300 ms restart (and 300 ms of post-only) must be over within this

async function setMode(base, body) {
  const r = await adminExpect(base, "PUT", "/_sim/mode", body, 200);
  return r.json;
}

async function getMode(base) {
  const r = await admin(base, "GET", "/_sim/mode");
  if (r.status !== 200 || typeof r.json?.mode !== "string") throw new Error(`GET /_sim/mode: ${describe(r)}`);
  return r.json;
}

/** Polls GET /_sim/mode (bounded) until its mode is `want`; returns it, or throws with the last one seen. */
async function modeBecomes(base, want, what) {
  const deadline = Date.now() + MODE_END_TIMEOUT_MS;
  let mode = await getMode(base);
  while (mode.mode !== want && Date.now() < deadline) {
    await sleep(25); // poll interval of a bounded loop
    mode = await getMode(base);
  }
  if (mode.mode !== want) throw new Error(`${what}: GET /_sim/mode still ${show(mode)} after ${MODE_END_TIMEOUT_MS} ms`);
  return mode;
}

/** Throws unless the client's result is a mode's refusal with a wait, and Retry-After on the wire says the same. */
function expectRefusalWithWait(resp, expected, method, path, what) {
  const { retry_after_seconds: wait, ...rest } = resp ?? {};
  expectEqual(rest, expected, `${what} (whole answer ${show(resp)})`);
  if (!Number.isInteger(wait) || wait < 1) throw new Error(`${what}: retry_after_seconds ${show(wait)} is not a whole number of seconds >= 1`);
  const onWire = lastExchange(method, path)?.headers?.["retry-after"];
  expectEqual(onWire, String(wait), `${what}: Retry-After on the wire, the same as retry_after_seconds`);
  return wait;
}

/** A limit order signed by the official client's own order builder (V2 order), for POST /order. */
function signedOrder(me, tokenID) {
  return new OrderBuilder(me.wallet, CHAIN_ID).buildOrder(
    { tokenID, price: 0.5, size: 10, side: "BUY" },
    { tickSize: "0.01", negRisk: false },
    2,
  );
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

    await check("restarting forMs 300: refused at once with the wait, then post-only, then normal by itself; then cancelOrder cancels", async () => {
      const set = await setMode(base, { mode: "restarting", forMs: 300, postOnlyMs: 300 });
      if (set?.mode !== "restarting" || typeof set?.until !== "string" || set?.then?.mode !== "post-only") {
        throw new Error(`PUT /_sim/mode {"mode":"restarting","forMs":300,"postOnlyMs":300}: expected {"mode":"restarting","until":"<instant>","then":{"mode":"post-only",...}}, got ${show(set)}`);
      }
      const during = await cancel(ids[2], "cancelOrder (restarting for 300 ms)");
      expectRefusalWithWait(during, { error: NOT_READY, status: 425 }, "DELETE", "/order", "cancelOrder answer during the restart");
      await modeBecomes(base, "post-only", "after a 300 ms restart");
      const postOnly = await cancel(ids[2], "cancelOrder (post-only after the restart)");
      expectEqual(postOnly, { canceled: [ids[2]], not_canceled: {} }, "cancelOrder answer in the post-only after the restart");
      expectEqual(await modeBecomes(base, "normal", "after 300 ms of post-only"), { mode: "normal", until: null, then: null, retryAfterSeconds: null }, "GET /_sim/mode");
    });

    await check("normal again: GET /_sim/mode reports it, cancelOrder cancels the order refused before", async () => {
      await setMode(base, { mode: "normal" });
      expectEqual(await getMode(base), { mode: "normal", until: null, then: null, retryAfterSeconds: null }, "GET /_sim/mode");
      const resp = await cancel(ids[1], "cancelOrder (normal)");
      expectEqual(resp, { canceled: [ids[1]], not_canceled: {} }, "cancelOrder answer back in normal");
      await expectStatuses(base, [ids[3]], "LIVE", "order not named yet");
    });
    await postOnlyChecks(base, me, ids[3]);
  } finally {
    // Whatever failed above, the other areas run in normal mode.
    await setMode(base, { mode: "normal" }).catch((err) => note(`could not set the mode back to normal: ${err.message}`));
  }
}

/** Post-only set until changed: cancels and heartbeats work, an order not post-only is refused with the wait. */
async function postOnlyChecks(base, me, id) {
  const { client } = me;
  const { market, tokenID } = await prepare(AREA, async () => {
    const m = newMarket();
    await listMarket(base, m);
    return { market: m.market, tokenID: m.assets[0] };
  });

  await check("post-only: GET /_sim/mode reports it, cancelOrder still cancels, postHeartbeat still beats", async () => {
    await setMode(base, { mode: "post-only" });
    expectEqual((await getMode(base)).mode, "post-only", "GET /_sim/mode mode");
    const resp = await timed(client.cancelOrder({ orderID: id }), "cancelOrder (post-only)");
    expectEqual(resp, { canceled: [id], not_canceled: {} }, "cancelOrder answer in post-only");
    const beat = await timed(client.postHeartbeat(), "postHeartbeat() (post-only)");
    if (typeof beat?.heartbeat_id !== "string" || beat.heartbeat_id === "") throw new Error(`postHeartbeat() in post-only: ${show(beat)}`);
  });

  await check(`post-only: postOrder(order, GTC) -> {error: "${POST_ONLY}", code: "${POST_ONLY_CODE}", retry_after_seconds: ${POST_ONLY_DEFAULT_S}, status: 503}, Retry-After on the wire`, async () => {
    const order = await signedOrder(me, tokenID);
    const resp = await timed(client.postOrder(order, "GTC"), "postOrder (post-only mode)");
    const wait = expectRefusalWithWait(resp, { error: POST_ONLY, code: POST_ONLY_CODE, status: 503 }, "POST", "/order", "postOrder answer in post-only");
    expectEqual(wait, POST_ONLY_DEFAULT_S, "retry_after_seconds of a post-only set until changed");
  });

  await check("post-only: postOrder(order, GTC, postOnly) is placed, and cancelOrder cancels it", async () => {
    const order = await signedOrder(me, tokenID);
    const placed = await timed(client.postOrder(order, "GTC", true), "postOrder (postOnly)");
    if (placed?.success !== true || typeof placed?.orderID !== "string") throw new Error(`postOrder(..., postOnly) in post-only: ${show(placed)}`);
    const resp = await timed(client.cancelOrder({ orderID: placed.orderID }), "cancelOrder (the post-only order)");
    expectEqual(resp, { canceled: [placed.orderID], not_canceled: {} }, `cancelOrder of the order placed in ${market}`);
  });
}
