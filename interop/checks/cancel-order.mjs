// cancelOrder on one order, a repeat, and a wrong secret (401). The account
// made here is the run's first: if it cannot be registered, nothing can run.

import { ApiError } from "@polymarket/clob-client-v2";

import { clientFor, ID_RE, newIdentity, newMarket, newSecret, timed, wireRequest } from "../lib/accounts.mjs";
import { Abort, check, expectEqual, show } from "../lib/report.mjs";
import { admin, describe } from "../lib/sim.mjs";

export const NOT_FOUND_MSG = "Order not found or already canceled";

/** Runs the checks; returns {identity, wrongCreds} for the journal checks. */
export async function cancelOrderChecks(base) {
  const identity = newIdentity();
  const { creds, address } = identity;

  if (
    !(await check("POST /_sim/accounts registers the account (201)", async () => {
      const r = await admin(base, "POST", "/_sim/accounts", {
        apiKey: creds.key,
        secret: creds.secret,
        passphrase: creds.passphrase,
        address,
      });
      if (r.status !== 201) throw new Error(describe(r));
    }))
  ) {
    throw new Abort();
  }

  let ids;
  if (
    !(await check("POST /_sim/orders seeds two live orders (201, ids 0x+64 hex)", async () => {
      const { market, assets } = newMarket();
      const order = { owner: creds.key, market, assetId: assets[0], side: "BUY", price: "0.5", size: "10" };
      const r = await admin(base, "POST", "/_sim/orders", [order, { ...order }]);
      if (r.status !== 201) throw new Error(describe(r));
      ids = r.json?.ids;
      if (!Array.isArray(ids) || ids.length !== 2 || !ids.every((id) => typeof id === "string" && ID_RE.test(id))) {
        throw new Error(`expected {"ids":[two "0x"+64 hex]}\n${describe(r)}`);
      }
      if (ids[0] === ids[1]) throw new Error(`both orders got the same id\n${describe(r)}`);
    }))
  ) {
    throw new Abort();
  }
  const [id, other] = ids;
  const client = clientFor(base, identity);
  const wire = (orderID, who = identity) => wireRequest(base, "DELETE", "/order", { orderID }, who);

  await check("official client cancelOrder -> {canceled:[id], not_canceled:{}}", async () => {
    const resp = await timed(client.cancelOrder({ orderID: id }), "cancelOrder");
    expectEqual(resp, { canceled: [id], not_canceled: {} }, "cancelOrder answer", wire(id));
  });

  await check('GET /_sim/orders/{id} reports "status":"CANCELED"', async () => {
    const r = await admin(base, "GET", `/_sim/orders/${id}`);
    if (r.status !== 200 || !/"status"\s*:\s*"CANCELED"/.test(r.text)) throw new Error(describe(r));
  });

  await check(`cancelling the same id again -> not_canceled[id] = "${NOT_FOUND_MSG}"`, async () => {
    const resp = await timed(client.cancelOrder({ orderID: id }), "cancelOrder (again)");
    expectEqual(resp, { canceled: [], not_canceled: { [id]: NOT_FOUND_MSG } }, "second cancelOrder answer", wire(id));
  });

  // Same key, passphrase and address, but a different (wrong) secret: the
  // HMAC in POLY_SIGNATURE cannot verify, so the server must answer 401.
  const wrong = { ...identity, creds: { ...creds, secret: newSecret() } };

  // Default client: errors are returned (not thrown) as {error, status}.
  await check("wrong secret: client returns {error: /invalid api key/i, status: 401}", async () => {
    const resp = await timed(clientFor(base, wrong).cancelOrder({ orderID: other }), "cancelOrder (wrong secret)");
    if (!resp || resp.status !== 401 || typeof resp.error !== "string" || !/invalid api key/i.test(resp.error)) {
      throw new Error(`expected {error: "...Invalid API key...", status: 401}, got ${show(resp)}\n${wire(other, wrong)}`);
    }
    return `error: ${JSON.stringify(resp.error)}`;
  });

  // throwOnError client: throws ApiError.
  await check("wrong secret with throwOnError: client throws ApiError status 401", async () => {
    const bad = clientFor(base, wrong, { throwOnError: true });
    let thrown;
    try {
      const resp = await timed(bad.cancelOrder({ orderID: other }), "cancelOrder (throwOnError)");
      throw new Error(`expected a thrown ApiError, got answer ${show(resp)}`);
    } catch (err) {
      thrown = err;
    }
    if (!(thrown instanceof ApiError)) throw thrown;
    if (thrown.status !== 401 || !/invalid api key/i.test(thrown.message)) {
      throw new Error(`expected ApiError 401 "...Invalid API key...", got status ${thrown.status} message ${JSON.stringify(thrown.message)}`);
    }
  });

  await check("order hit by the rejected cancels is still not CANCELED", async () => {
    const r = await admin(base, "GET", `/_sim/orders/${other}`);
    if (r.status !== 200 || !/"status"\s*:/.test(r.text) || /"status"\s*:\s*"CANCELED"/.test(r.text)) {
      throw new Error(describe(r));
    }
  });

  return { identity, wrong };
}
