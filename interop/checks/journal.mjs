// The request journal (GET /_sim/requests): the official client's cancels
// recorded with method, path, status and auth, the wrong-secret 401 among
// them, and no secret or passphrase anywhere in it.

import { secretsSeen } from "../lib/accounts.mjs";
import { check, expectEqual, show } from "../lib/report.mjs";
import { admin, describe } from "../lib/sim.mjs";

const REDACTED = "<redacted>";

/**
 * @param identity the first area's account
 * @param wrong    the same account with the wrong secret, whose cancels got 401
 */
/** GET /_sim/requests with `query`: the entries (an array) and the raw text. */
async function journal(base, query) {
  const r = await admin(base, "GET", `/_sim/requests${query}`);
  if (r.status !== 200 || !Array.isArray(r.json)) throw new Error(`expected 200 and a JSON array\n${describe(r)}`);
  return r;
}

const CANCELS = "?path=/order&method=DELETE";

/**
 * @param identity the first area's account
 */
export async function journalChecks(base, { identity }) {
  await check(`GET /_sim/requests${CANCELS} lists entries with method, path, status, auth`, async () => {
    const entries = (await journal(base, CANCELS)).json;
    if (entries.length === 0) throw new Error("the journal has no DELETE /order entry, after a dozen of them");
    const bad = entries.filter(
      (e) => e?.method !== "DELETE" || e?.path !== "/order" || typeof e?.status !== "number" || typeof e?.auth !== "string",
    );
    if (bad.length > 0) throw new Error(`entries not DELETE /order with a numeric status and a string auth: ${show(bad.slice(0, 3))}`);
    return `${entries.length} entries`;
  });

  await check(`the wrong-secret cancel is journaled: status 401, auth not "ok", POLY_PASSPHRASE "${REDACTED}"`, async () => {
    const entries = (await journal(base, CANCELS)).json;
    const mine = entries.filter((e) => e?.apiKey === identity.creds.key);
    const refused = mine.filter((e) => e.status === 401);
    if (refused.length === 0) {
      throw new Error(`no entry with status 401 for API key ${identity.creds.key}; its entries: ${show(mine.map((e) => ({ status: e.status, auth: e.auth })))}`);
    }
    for (const e of refused) {
      if (e.auth === "ok") throw new Error(`401 entry with auth "ok": ${show(e)}`);
      expectEqual(e.headers?.POLY_PASSPHRASE, REDACTED, "headers.POLY_PASSPHRASE of the 401 entry", show(e));
    }
    const unredacted = entries.filter((e) => e?.headers?.POLY_PASSPHRASE !== undefined && e.headers.POLY_PASSPHRASE !== REDACTED);
    if (unredacted.length > 0) throw new Error(`entries with POLY_PASSPHRASE not redacted: ${show(unredacted.slice(0, 3))}`);
    return `auth: ${JSON.stringify(refused[0].auth)}`;
  });

  await check("the raw journal text contains no secret and no passphrase of the run", async () => {
    for (const query of [CANCELS, ""]) {
      const { text } = await journal(base, query);
      const leaked = [...secretsSeen].filter((s) => text.includes(s));
      if (leaked.length > 0) {
        throw new Error(`GET /_sim/requests${query} (${text.length} chars) contains ${leaked.length} secret(s)/passphrase(s), e.g. ${leaked[0]}`);
      }
    }
    return `${secretsSeen.size} values looked for`;
  });
}
