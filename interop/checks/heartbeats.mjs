// The dead man's switch (POST /v1/heartbeats) through the official client's
// postHeartbeat, as CLOB V2 runs it: a chain starts with the id "" and goes on
// with the id each answer names; an id that is not the expected one gets 400
// with the expected id in the body, and the client resumes the chain with it.
// The legacy POST /heartbeats resets the expected id to "". The archived V1
// client (5.8.1) starts its chain with null, which must still work. The
// accounts have no orders, so the switches that lapse after the run cancel
// nothing.

import { createL2Headers } from "@polymarket/clob-client-v2";

import { newAccount, timed, v1ClientFor } from "../lib/accounts.mjs";
import { check, expectEqual, prepare, show } from "../lib/report.mjs";
import { admin, describe } from "../lib/sim.mjs";

const AREA = "heartbeats";
const PATH = "/v1/heartbeats";
const LEGACY_PATH = "/heartbeats";
const MISMATCH = "Invalid Heartbeat ID";
const LEGACY_TIMEOUT_MS = 5_000; // the plain fetch of the legacy path

/** Throws unless `resp` is {heartbeat_id: "<a non-empty string>"}; returns the id. */
function heartbeatId(resp, what) {
  if (!resp || typeof resp.heartbeat_id !== "string" || resp.heartbeat_id === "" || Object.keys(resp).length !== 1) {
    throw new Error(`${what}: expected {heartbeat_id: "<id>"}, got ${show(resp)}`);
  }
  return resp.heartbeat_id;
}

/**
 * Throws unless `resp` is the client's result for a 400 naming `expected`:
 * {error: "Invalid Heartbeat ID", heartbeat_id: expected, status: 400} (other keys, such as the
 * exchange's error_msg, allowed); returns the id the answer named.
 */
function mismatch(resp, expected, what) {
  const got = { error: resp?.error, heartbeat_id: resp?.heartbeat_id, status: resp?.status };
  expectEqual(got, { error: MISMATCH, heartbeat_id: expected, status: 400 }, `${what} (whole answer ${show(resp)})`);
  return resp.heartbeat_id;
}

/** The account's POST /v1/heartbeats bodies, oldest first, from the journal. */
async function sentBodies(base, apiKey) {
  const r = await admin(base, "GET", `/_sim/requests?method=POST&path=${PATH}`);
  if (r.status !== 200 || !Array.isArray(r.json)) throw new Error(`GET /_sim/requests: ${describe(r)}`);
  return r.json.filter((e) => e.apiKey === apiKey).map((e) => e.body);
}

/** The account's armed chain in GET /_sim/heartbeats: its ids (at most one). */
async function armed(base, apiKey) {
  const r = await admin(base, "GET", "/_sim/heartbeats");
  const mine = r.json?.armed?.filter((c) => c.apiKey === apiKey);
  if (r.status !== 200 || !Array.isArray(mine)) throw new Error(`GET /_sim/heartbeats: ${describe(r)}`);
  return mine.map((c) => c.heartbeatId);
}

/** POST /heartbeats, the legacy path no client method sends: signed with the client's own header function. */
async function legacyHeartbeat(base, { wallet, creds }) {
  const headers = await createL2Headers(wallet, creds, { method: "POST", requestPath: LEGACY_PATH });
  const res = await fetch(`${base}${LEGACY_PATH}`, {
    method: "POST",
    headers,
    signal: AbortSignal.timeout(LEGACY_TIMEOUT_MS),
  });
  return { status: res.status, text: await res.text() };
}

export async function heartbeatChecks(base) {
  const me = await prepare(AREA, () => newAccount(base));
  const beat = (id, what) => timed(id === undefined ? me.client.postHeartbeat() : me.client.postHeartbeat(id), what);
  let first;
  let second;
  let resumed;

  await check('postHeartbeat() starts a chain with the id "": {heartbeat_id: <id>}', async () => {
    first = heartbeatId(await beat(undefined, "postHeartbeat()"), "postHeartbeat()");
    return `heartbeat_id ${JSON.stringify(first)}`;
  });

  await check("postHeartbeat(id) continues the chain with a new id, which GET /_sim/heartbeats shows armed", async () => {
    if (first === undefined) throw new Error("no chain to continue: the first heartbeat failed");
    second = heartbeatId(await beat(first, "postHeartbeat(first id)"), "postHeartbeat(first id)");
    if (second === first) throw new Error(`the chain did not move on: both answers are ${JSON.stringify(first)}`);
    expectEqual(await armed(base, me.creds.key), [second], "the account's armed chain in GET /_sim/heartbeats");
  });

  await check(`the bodies on the wire are {"heartbeat_id":""} then {"heartbeat_id":"<first id>"}, compact`, async () => {
    expectEqual(
      await sentBodies(base, me.creds.key),
      ['{"heartbeat_id":""}', `{"heartbeat_id":${JSON.stringify(first)}}`],
      "POST /v1/heartbeats bodies in the journal",
    );
  });

  await check(`a stale id -> {error: "${MISMATCH}", heartbeat_id: <the expected id>, status: 400}`, async () => {
    if (second === undefined) throw new Error("no chain: the earlier heartbeats failed");
    mismatch(await beat(first, "postHeartbeat(stale id)"), second, "postHeartbeat answer for the id before the latest");
  });

  await check("the client resumes the chain with the id the refusal named: the next postHeartbeat succeeds", async () => {
    if (second === undefined) throw new Error("no chain: the earlier heartbeats failed");
    const refusal = await beat(first, "postHeartbeat(stale id, again)");
    const named = mismatch(refusal, second, "the refusal");
    resumed = heartbeatId(await beat(named, "postHeartbeat(the id the refusal named)"), "postHeartbeat(named id)");
    expectEqual(await armed(base, me.creds.key), [resumed], "the armed chain after the resume");
    return `${JSON.stringify(named)} -> ${JSON.stringify(resumed)}`;
  });

  await check('postHeartbeat() ("") while a chain is armed -> 400 naming the expected id, which resumes it', async () => {
    if (resumed === undefined) throw new Error("no chain: the resume failed");
    const named = mismatch(await beat(undefined, 'postHeartbeat("") while armed'), resumed, 'postHeartbeat("") while armed');
    const next = heartbeatId(await beat(named, "postHeartbeat(named id)"), "postHeartbeat(named id)");
    resumed = next;
  });

  await check('the legacy POST /heartbeats keeps the switch armed and resets the expected id to "": postHeartbeat() starts again', async () => {
    const legacy = await legacyHeartbeat(base, me);
    if (legacy.status !== 200) throw new Error(`POST ${LEGACY_PATH}: expected 200, got ${legacy.status} ${legacy.text}`);
    const again = heartbeatId(await beat(undefined, "postHeartbeat() after the legacy heartbeat"), "postHeartbeat()");
    if (again === resumed) throw new Error(`the new chain reuses the old id ${JSON.stringify(again)}`);
    return `POST ${LEGACY_PATH} -> ${legacy.status} ${legacy.text}`;
  });

  // The archived V1 client starts a chain with null: the exchange (and so the simulator) accepts both.
  const v1 = await prepare(AREA, async () => {
    const other = await newAccount(base);
    return { ...other, client: v1ClientFor(base, other) };
  });
  await check('@polymarket/clob-client 5.8.1: postHeartbeat() sends {"heartbeat_id":null}, which starts a chain it continues', async () => {
    const start = heartbeatId(await timed(v1.client.postHeartbeat(), "5.8.1 postHeartbeat()"), "5.8.1 postHeartbeat()");
    const next = heartbeatId(await timed(v1.client.postHeartbeat(start), "5.8.1 postHeartbeat(id)"), "5.8.1 postHeartbeat(id)");
    expectEqual(
      await sentBodies(base, v1.creds.key),
      ['{"heartbeat_id":null}', `{"heartbeat_id":${JSON.stringify(start)}}`],
      "5.8.1's POST /v1/heartbeats bodies in the journal",
    );
    expectEqual(await armed(base, v1.creds.key), [next], "5.8.1's armed chain");
  });
}
