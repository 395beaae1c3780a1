// Per-signer rate limits (https://docs.polymarket.com/api-reference/trading-rate-limits),
// enforced with PUT /_sim/rate-limits {"enabled":true}: every authenticated answer
// carries Poly-RateLimit-Remaining, -Reset and -Tier (read through the wire tap:
// the client drops headers); a batch costs its number of ids and is refused whole
// (429, Retry-After) when the bucket cannot hold it; a signer's tier, set at
// registration or changed later, sets the burst; cancelAll costs 1 + what it
// canceled, taken after the fact, so a Standard signer can end in deficit and
// its next cancel is refused until the bucket refills. Limits are turned off
// again whatever happens.

import { newAccount, newIdentity, newMarket, orders, register, clientFor, seedOrders, timed } from "../lib/accounts.mjs";
import { check, expectEqual, expectSameIds, note, prepare, show } from "../lib/report.mjs";
import { adminExpect, expectStatuses } from "../lib/sim.mjs";
import { lastExchange } from "../lib/wiretap.mjs";

const AREA = "rate limits";
const STANDARD = { tier: "standard", burst: 120 };
const SILVER = { tier: "silver", burst: 600 };
const CLOCK_SLACK_S = 5; // Poly-RateLimit-Reset of an admitted request is about now

/** The Poly-RateLimit-* headers of the client's latest `method path` exchange, as numbers where they are. */
function limitHeaders(method, path) {
  const h = lastExchange(method, path)?.headers ?? {};
  const remaining = h["poly-ratelimit-remaining"];
  const reset = h["poly-ratelimit-reset"];
  if (!/^-?\d+$/.test(remaining ?? "") || !/^\d+$/.test(reset ?? "")) {
    throw new Error(`${method} ${path}: expected whole-number Poly-RateLimit-Remaining and -Reset, got ${show(h)}`);
  }
  return { remaining: Number(remaining), reset: Number(reset), tier: h["poly-ratelimit-tier"], retryAfter: h["retry-after"] };
}

/** Throws unless the client's result is the buckets' 429 for `cost` and `burst`, Retry-After on the wire as in the body. */
function expectBucketRefusal(resp, cost, burst, method, path, what) {
  const { retry_after_seconds: wait, ...rest } = resp ?? {};
  expectEqual(rest, { error: "Too Many Requests", cost, burst, status: 429 }, `${what} (whole answer ${show(resp)})`);
  if (!Number.isInteger(wait) || wait < 1) throw new Error(`${what}: retry_after_seconds ${show(wait)} is not a whole number >= 1`);
  expectEqual(limitHeaders(method, path).retryAfter, String(wait), `${what}: Retry-After on the wire`);
  return wait;
}

/** A registered account of a fresh signer at `tier`, with its client. */
async function accountAt(base, tier) {
  const identity = newIdentity();
  await adminExpect(base, "POST", "/_sim/accounts", {
    apiKey: identity.creds.key, secret: identity.creds.secret, passphrase: identity.creds.passphrase,
    address: identity.address, tier,
  }, 201);
  return { ...identity, client: clientFor(base, identity) };
}

export async function rateLimitChecks(base) {
  const { standard, silver, big, ids, market, assets } = await prepare(AREA, async () => {
    const standard = await newAccount(base); // registered without a tier: standard
    const silver = await accountAt(base, SILVER.tier);
    const big = await register(base, newIdentity()).then((i) => ({ ...i, client: clientFor(base, i) }));
    const { market, assets } = newMarket();
    const ids = {
      one: await seedOrders(base, orders(standard, market, assets[0], 2)),
      batch: await seedOrders(base, orders(standard, market, assets[0], STANDARD.burst + 1)),
      silverBatch: await seedOrders(base, orders(silver, market, assets[0], STANDARD.burst + 1)),
      big: await seedOrders(base, orders(big, market, assets[0], 1000)),
    };
    await adminExpect(base, "PUT", "/_sim/rate-limits", { enabled: true }, 200);
    return { standard, silver, big, ids, market, assets };
  });

  try {
    await check("cancelOrder on a fresh Standard signer: canceled, Poly-RateLimit-Remaining 119, -Tier standard, -Reset about now", async () => {
      const [id] = ids.one;
      const resp = await timed(standard.client.cancelOrder({ orderID: id }), "cancelOrder (rate limits on)");
      expectEqual(resp, { canceled: [id], not_canceled: {} }, "cancelOrder answer");
      const h = limitHeaders("DELETE", "/order");
      expectEqual({ remaining: h.remaining, tier: h.tier }, { remaining: STANDARD.burst - 1, tier: STANDARD.tier }, "Poly-RateLimit-Remaining and -Tier");
      const now = Math.floor(Date.now() / 1000);
      if (Math.abs(h.reset - now) > CLOCK_SLACK_S) throw new Error(`Poly-RateLimit-Reset ${h.reset} is not about now (${now})`);
      return `Remaining ${h.remaining}, Reset ${h.reset}, Tier ${h.tier}`;
    });

    await check(`cancelOrders(${STANDARD.burst + 1} ids) on Standard (burst ${STANDARD.burst}) -> 429 with Retry-After, refused whole`, async () => {
      const resp = await timed(standard.client.cancelOrders(ids.batch), "cancelOrders (above the burst)");
      expectBucketRefusal(resp, ids.batch.length, STANDARD.burst, "DELETE", "/orders", "cancelOrders answer above the burst");
      await expectStatuses(base, ids.batch, "LIVE", "every order of the refused batch");
    });

    await check(`a signer registered Silver (burst ${SILVER.burst}): the same size of batch is taken, Poly-RateLimit-Tier silver`, async () => {
      const resp = await timed(silver.client.cancelOrders(ids.silverBatch), "cancelOrders (silver)");
      expectSameIds(resp?.canceled, ids.silverBatch, `cancelOrders answer (whole: ${show(resp)?.slice(0, 200)})`);
      const h = limitHeaders("DELETE", "/orders");
      expectEqual({ remaining: h.remaining, tier: h.tier }, { remaining: SILVER.burst - ids.silverBatch.length, tier: SILVER.tier }, "Poly-RateLimit-Remaining and -Tier");
    });

    await check("PUT /_sim/accounts/{apiKey}/tier silver: the next answer to the Standard signer says Poly-RateLimit-Tier silver", async () => {
      await adminExpect(base, "PUT", `/_sim/accounts/${standard.creds.key}/tier`, { tier: SILVER.tier }, 200);
      const [, id] = ids.one;
      const resp = await timed(standard.client.cancelOrder({ orderID: id }), "cancelOrder (after the tier change)");
      expectEqual(resp, { canceled: [id], not_canceled: {} }, "cancelOrder answer");
      expectEqual(limitHeaders("DELETE", "/order").tier, SILVER.tier, "Poly-RateLimit-Tier");
    });

    await check("cancelAll of 1000 orders on Standard: all canceled, then the bucket is in deficit and cancelOrder gets 429 with Retry-After", async () => {
      const resp = await timed(big.client.cancelAll(), "cancelAll (1000 orders)");
      expectSameIds(resp?.canceled, ids.big, "cancelAll canceled");
      const after = limitHeaders("DELETE", "/cancel-all");
      if (after.remaining >= 0) throw new Error(`Poly-RateLimit-Remaining after canceling 1000 on Standard: ${after.remaining}, expected a deficit`);
      const [id] = await seedOrders(base, orders(big, market, assets[0], 1)); // the admin API costs no tokens
      const refused = await timed(big.client.cancelOrder({ orderID: id }), "cancelOrder (in deficit)");
      const wait = expectBucketRefusal(refused, 1, STANDARD.burst, "DELETE", "/order", "cancelOrder answer in deficit");
      await expectStatuses(base, [id], "LIVE", "the order of the refused cancel");
      return `Remaining ${after.remaining} after cancelAll, the next cancel told to wait ${wait} s`;
    });
  } finally {
    await adminExpect(base, "PUT", "/_sim/rate-limits", { enabled: false }, 200)
      .catch((err) => note(`could not turn the rate limits off: ${err.message}`));
  }
}
