// A read-only tap on the HTTP exchanges of the official client. The client
// turns every failure into {error, status} and drops the response headers and
// the network error code; the checks of Retry-After and of a reset need them.
// The tap is an axios interceptor on the axios instance the client itself
// imports: it records and passes everything through unchanged.

import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

// Resolve axios from the client's own location, so the tap sits on the very
// instance the client uses, however npm laid out node_modules.
const requireHere = createRequire(import.meta.url);
const clientEntry = requireHere.resolve("@polymarket/clob-client-v2"); // its exports hide package.json
const axiosDir = path.dirname(createRequire(clientEntry).resolve("axios/package.json"));
const { default: axios } = await import(pathToFileURL(path.join(axiosDir, "index.js")).href);

const seen = []; // {method, path, status, headers, code}, oldest first (the latest 1000)
let total = 0;

function record(config, response, code) {
  let p = "?";
  try {
    p = new URL(config?.url ?? "").pathname;
  } catch {
    /* no URL */
  }
  total++;
  seen.push({
    method: String(config?.method ?? "?").toUpperCase(),
    path: p,
    status: response?.status,
    headers: response?.headers ? { ...response.headers } : {},
    code,
  });
  if (seen.length > 1000) seen.shift();
}

axios.interceptors.response.use(
  (response) => {
    record(response.config, response);
    return response;
  },
  (err) => {
    record(err?.config, err?.response, err?.code);
    return Promise.reject(err);
  },
);

/** The latest exchange the client had for `method path`, or undefined. */
export function lastExchange(method, p) {
  for (let i = seen.length - 1; i >= 0; i--) {
    if (seen[i].method === method && seen[i].path === p) return seen[i];
  }
  return undefined;
}

/** How many exchanges the tap has seen: a check can tell that it is on the client's axios. */
export function exchangesSeen() {
  return total;
}
