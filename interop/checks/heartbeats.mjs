// The dead man's switch (POST /v1/heartbeats) through the official client's
// postHeartbeat: a chain started with no id and continued with the id each
// answer names, the switch armed in GET /_sim/heartbeats, the bodies on the
// wire, a stale id refused with 400, and a new chain after it. The account has
// no orders, so the switch that lapses after the run cancels nothing.

import { newAccount, timed } from "../lib/accounts.mjs";
import { check, expectEqual, prepare, show } from "../lib/report.mjs";
import { admin, describe } from "../lib/sim.mjs";

const AREA = "heartbeats";
const PATH = "/v1/heartbeats";
const INVALID_ID = "Invalid heartbeat id";

/** Throws unless `resp` is {heartbeat_id: "<a non-empty string>"}; returns the id. */
function heartbeatId(resp, what) {
  if (!resp || typeof resp.heartbeat_id !== "string" || resp.heartbeat_id === "" || Object.keys(resp).length !== 1) {
    throw new Error(`${what}: expected {heartbeat_id: "<id>"}, got ${show(resp)}`);
  }
  return resp.heartbeat_id;
}

/** The account's POST /v1/heartbeats bodies, oldest first, from the journal. */
async function sentBodies(base, apiKey) {
  const r = await admin(base, "GET", `/_sim/requests?method=POST&path=${PATH}`);
  if (r.status !== 200 || !Array.isArray(r.json)) throw new Error(`GET /_sim/requests: ${describe(r)}`);
  return r.json.filter((e) => e.apiKey === apiKey).map((e) => e.body);
}

export async function heartbeatChecks(base) {
  const me = await prepare(AREA, () => newAccount(base));
  const beat = (id, what) => timed(me.client.postHeartbeat(id), what);
  let first;
  let second;

  await check("postHeartbeat() with no id starts a chain: {heartbeat_id: <id>}", async () => {
    first = heartbeatId(await beat(undefined, "postHeartbeat()"), "postHeartbeat()");
    return `heartbeat_id ${JSON.stringify(first)}`;
  });

  await check("postHeartbeat(id) continues the chain with a new id, which GET /_sim/heartbeats shows armed", async () => {
    if (first === undefined) throw new Error("no chain to continue: the first heartbeat failed");
    second = heartbeatId(await beat(first, "postHeartbeat(first id)"), "postHeartbeat(first id)");
    if (second === first) throw new Error(`the chain did not move on: both answers are ${JSON.stringify(first)}`);
    const r = await admin(base, "GET", "/_sim/heartbeats");
    const mine = r.json?.armed?.filter((c) => c.apiKey === me.creds.key);
    if (r.status !== 200 || !Array.isArray(mine)) throw new Error(`GET /_sim/heartbeats: ${describe(r)}`);
    expectEqual(mine.map((c) => c.heartbeatId), [second], "the account's armed chain in GET /_sim/heartbeats", describe(r));
  });

  await check(`the bodies on the wire are {"heartbeat_id":null} then {"heartbeat_id":"<first id>"}, compact`, async () => {
    expectEqual(
      await sentBodies(base, me.creds.key),
      ['{"heartbeat_id":null}', `{"heartbeat_id":${JSON.stringify(first)}}`],
      "POST /v1/heartbeats bodies in the journal",
    );
  });

  await check(`a stale id -> {error: "${INVALID_ID}", status: 400}`, async () => {
    if (second === undefined) throw new Error("no chain: the earlier heartbeats failed");
    const resp = await beat(first, "postHeartbeat(stale id)");
    expectEqual(resp, { error: INVALID_ID, status: 400 }, "postHeartbeat answer for the id before the latest");
  });

  await check("postHeartbeat(null) after the refusal starts a new chain", async () => {
    const fresh = heartbeatId(await beat(null, "postHeartbeat(null)"), "postHeartbeat(null)");
    if (fresh === first || fresh === second) throw new Error(`the new chain reuses an old id: ${JSON.stringify(fresh)}`);
    const again = heartbeatId(await beat(fresh, "postHeartbeat(new chain's id)"), "postHeartbeat(new chain's id)");
    return `new chain ${JSON.stringify(fresh)} -> ${JSON.stringify(again)}`;
  });
}
