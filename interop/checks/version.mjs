// GET /version: the official V2 client's getVersion() reads it to pick its
// order format, and falls back to 2 when the answer has no version (a 404
// included). So 2 from getVersion() proves nothing by itself: the wire tap
// must show that the client got a 200 from GET /version, and the body read
// without the client must be {"version":2}.

import { newAccount, timed } from "../lib/accounts.mjs";
import { check, expectEqual, prepare } from "../lib/report.mjs";
import { admin, describe } from "../lib/sim.mjs";
import { exchangesSeen, lastExchange } from "../lib/wiretap.mjs";

const AREA = "version";

export async function versionChecks(base) {
  const { client } = await prepare(AREA, () => newAccount(base));

  await check('GET /version -> 200 {"version":2}', async () => {
    const r = await admin(base, "GET", "/version");
    if (r.status !== 200) throw new Error(`expected 200\n${describe(r)}`);
    expectEqual(r.json, { version: 2 }, "GET /version body", describe(r));
  });

  await check("getVersion() -> 2, read from a 200 answer of GET /version (not the client's fallback)", async () => {
    const before = exchangesSeen();
    const version = await timed(client.getVersion(), "getVersion()");
    expectEqual(version, 2, "getVersion()");
    const seen = lastExchange("GET", "/version");
    if (exchangesSeen() === before || seen === undefined) {
      throw new Error("the wire tap saw no GET /version: getVersion() did not ask the simulator");
    }
    expectEqual(seen.status, 200, "the status the client got for GET /version");
  });
}
