// Reporting for the interop check: one "ok - ..." / "not ok - ..." line per
// check, "#" lines for details, and the final "N passed, M failed" line.

import { inspect, isDeepStrictEqual } from "node:util";

const counts = { passed: 0, failed: 0 };

export function ok(name) {
  counts.passed++;
  console.log(`ok - ${name}`);
}

export function notOk(name, detail) {
  counts.failed++;
  console.log(`not ok - ${name}`);
  if (detail !== undefined) {
    for (const line of String(detail).split("\n")) console.log(`#   ${line}`);
  }
}

export function note(text) {
  for (const line of String(text).split("\n")) console.log(`# ${line}`);
}

export function anyFailed() {
  return counts.failed > 0;
}

/** The final line; `extraFailures` counts a failure that is not a check (an interrupt). */
export function summary(extraFailures = 0) {
  return `${counts.passed} passed, ${counts.failed + extraFailures} failed`;
}

export function exitCode() {
  return counts.failed === 0 && counts.passed > 0 ? 0 : 1;
}

function message(err) {
  return err instanceof Error ? err.message : inspect(err);
}

/** Runs one check; returns true when it passed. Throwing = failing. A returned string is shown. */
export async function check(name, fn) {
  try {
    const extra = await fn();
    ok(extra ? `${name} (${extra})` : name);
    return true;
  } catch (err) {
    notOk(name, message(err));
    return false;
  }
}

/** The whole run cannot go on (no simulator, no account). */
export class Abort extends Error {}

/** One area's setup failed: its checks are not run, the other areas are. */
export class Skip extends Error {}

/**
 * Setup of an area (accounts, orders): silent when it works; when it fails it
 * counts as a failed check "<area>: setup" and throws Skip.
 */
export async function prepare(area, fn) {
  try {
    return await fn();
  } catch (err) {
    notOk(`${area}: setup`, message(err));
    throw new Skip(area);
  }
}

export function show(v) {
  return inspect(v, { depth: 6, breakLength: Infinity });
}

export function expectEqual(actual, expected, what, context) {
  if (!isDeepStrictEqual(actual, expected)) {
    throw new Error(`${what}: expected ${show(expected)}, got ${show(actual)}${context ? `\n${context}` : ""}`);
  }
}

/** Same members, any order, no duplicates. */
export function expectSameIds(actual, expected, what, context) {
  const sorted = (a) => [...a].sort();
  if (!Array.isArray(actual) || new Set(actual).size !== actual.length || !isDeepStrictEqual(sorted(actual), sorted(expected))) {
    const got = Array.isArray(actual) ? actual : [];
    const missing = expected.filter((id) => !got.includes(id));
    const extra = got.filter((id) => !expected.includes(id));
    throw new Error(
      `${what}: expected the ${expected.length} ids ${abbrev(expected)}, got ${Array.isArray(actual) ? `${actual.length} ids ${abbrev(actual)}` : show(actual)}` +
        ` (missing ${abbrev(missing)}, unexpected ${abbrev(extra)})${context ? `\n${context}` : ""}`,
    );
  }
}

function abbrev(ids) {
  return ids.length <= 6 ? show(ids) : `${show(ids.slice(0, 6)).slice(0, -1)}, ... ${ids.length - 6} more]`;
}

export function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
