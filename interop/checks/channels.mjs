// The exchange's WebSocket channels (/ws/user, /ws/market) heard by a plain
// WebSocket client (the `ws` package) speaking only the documented messages
// (docs/simulator.md, "WebSocket channels"; docs.polymarket.com
// market-data/websocket/user-channel and market-channel), while the official
// client drives the exchange: every cancel path (cancelOrder, cancelOrders,
// cancelMarketOrders, cancelAll) gives each order a CANCELLATION event that is
// already received when the client's call resolves, and a fill between two
// accounts gives both a TRADE event and their orders UPDATE/MATCHED events,
// and the market channel its book, price_change and last_trade_price.

import { OrderType, Side } from "@polymarket/clob-client-v2";
import WebSocket from "ws";

import { ID_RE, newAccount, newMarket, orders, seedOrders, timed } from "../lib/accounts.mjs";
import { check, expectEqual, prepare, show, withTimeout } from "../lib/report.mjs";
import { adminExpect } from "../lib/sim.mjs";

const AREA = "channels";
const WAIT_MS = 5_000; // every wait for an event, an open or a close
const DECIMAL_RE = /^\d+(\.\d+)?$/;
const INTEGER_RE = /^\d+$/;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * One WebSocket connection that keeps every message it receives, in order:
 * parsed JSON objects, or the text itself (PONG).
 *
 * Without permessage-deflate: `ws` offers it by default and the simulator
 * accepts it, and `ws` inflates a message on zlib's thread pool, so its
 * "message" event fires after I/O handled later (the HTTP answer of the cancel
 * that caused it included). Uncompressed, a message is emitted as its bytes are
 * read, so what was received before the client's call resolved is what was on
 * the wire before its answer.
 */
class Channel {
  constructor(url) {
    this.url = url;
    this.received = [];
    this.waiters = new Set();
    this.socket = new WebSocket(url, { perMessageDeflate: false });
    this.closed = new Promise((resolve) => this.socket.once("close", (code, reason) => resolve({ code, reason: String(reason) })));
    this.socket.on("message", (data, isBinary) => {
      const text = isBinary ? `<binary ${data.length} bytes>` : data.toString("utf8");
      let message = text;
      try {
        message = JSON.parse(text);
      } catch {
        /* a text such as PONG */
      }
      this.received.push(message);
      for (const waiter of this.waiters) waiter();
    });
    this.socket.on("error", () => {}); // shown by `closed` and by the waits that time out
  }

  static async open(url, subscription) {
    const channel = new Channel(url);
    await withTimeout(
      new Promise((resolve, reject) => {
        channel.socket.once("open", resolve);
        channel.socket.once("error", reject);
      }),
      WAIT_MS,
      `opening ${url}`,
    );
    channel.send(subscription);
    return channel;
  }

  send(message) {
    this.socket.send(typeof message === "string" ? message : JSON.stringify(message));
  }

  /** The received messages from index `from` on that `match`. */
  since(from, match) {
    return this.received.slice(from).filter(match);
  }

  /** Resolves with the messages from `from` on that match, once `done(them)` holds; fails after WAIT_MS. */
  until(from, match, done, what) {
    const found = () => this.since(from, match);
    if (done(found())) return Promise.resolve(found());
    let waiter;
    const waiting = new Promise((resolve) => {
      waiter = () => {
        if (done(found())) resolve(found());
      };
      this.waiters.add(waiter);
    });
    return withTimeout(waiting, WAIT_MS, `${what} on ${this.url}`)
      .catch((err) => {
        throw new Error(`${err.message}; received since: ${show(this.received.slice(from))}`);
      })
      .finally(() => this.waiters.delete(waiter));
  }

  async close() {
    if (this.socket.readyState === WebSocket.CLOSED) return;
    this.socket.close(1000);
    await withTimeout(this.closed, WAIT_MS, `closing ${this.url}`).catch(() => this.socket.terminate());
  }
}

function wsUrl(base, path) {
  return `${base.replace(/^http/, "ws")}${path}`;
}

const isOrderEvent = (type, ids) => (m) => m?.event_type === "order" && m.type === type && ids.includes(m.id);

/** Throws unless `event` has the documented order-event fields for `order` of `account`. */
function expectOrderEvent(event, { id, account, market, asset, side, price, size }, type, status) {
  const where = `order event ${show(event)}`;
  expectEqual(event.event_type, "order", "event_type", where);
  expectEqual(event.type, type, "type", where);
  expectEqual(event.id, id, "id", where);
  expectEqual(event.status, status, "status", where);
  expectEqual(event.owner, account.creds.key, "owner", where);
  expectEqual(event.market, market, "market", where);
  expectEqual(event.asset_id, asset, "asset_id", where);
  expectEqual(event.side, side, "side", where);
  expectEqual(Number(event.price), Number(price), "price", where);
  expectEqual(Number(event.original_size), Number(size), "original_size", where);
  for (const f of ["original_size", "size_matched", "price"]) {
    if (!DECIMAL_RE.test(event[f] ?? "")) throw new Error(`${f}: expected a decimal string\n${where}`);
  }
  for (const f of ["created_at", "expiration", "timestamp"]) {
    if (!INTEGER_RE.test(event[f] ?? "")) throw new Error(`${f}: expected an integer string\n${where}`);
  }
  // created_at in seconds, timestamp in milliseconds of the same clock
  if (Math.abs(Number(event.timestamp) / 1000 - Number(event.created_at)) > 3600) {
    throw new Error(`timestamp (ms) and created_at (s) are not of the same time\n${where}`);
  }
  if (!Array.isArray(event.associate_trades)) throw new Error(`associate_trades: expected an array\n${where}`);
  for (const f of ["outcome", "order_type"]) {
    if (typeof event[f] !== "string") throw new Error(`${f}: expected a string\n${where}`);
  }
  expectEqual(event.maker_address?.toLowerCase(), account.address.toLowerCase(), "maker_address", where);
}

/**
 * Runs one cancel call of the official client and checks that, the moment it
 * resolves, each order of `expected` already has exactly one CANCELLATION event
 * on `user` with the documented fields, and no other order one: the exchange
 * writes a cancel's events before its HTTP answer (docs/simulator.md, "Order
 * and delivery").
 */
async function expectCancellations(user, call, expected, what) {
  const isCancellation = (m) => m?.event_type === "order" && m.type === "CANCELLATION";
  const from = user.received.length;
  const resp = await timed(call(), what);
  // Read in the same turn as the resolution: no I/O has been handled since.
  const heard = user.since(from, isCancellation);
  const ids = expected.map((o) => o.id).sort();
  expectEqual([...(resp?.canceled ?? [])].sort(), ids, `${what} canceled (answer ${show(resp)})`);
  expectEqual(heard.map((e) => e.id).sort(), ids, `CANCELLATION events received when ${what} resolved`);
  for (const order of expected) expectOrderEvent(heard.find((e) => e.id === order.id), order, "CANCELLATION", "CANCELED");
  return `${expected.length} event${expected.length === 1 ? "" : "s"}`;
}

export async function channelChecks(base) {
  const { alice, bob, market, token, other } = await prepare(AREA, async () => {
    const m = newMarket(2);
    await adminExpect(base, "POST", "/_sim/markets",
      { market: m.market, assets: m.assets, outcomes: ["Yes", "No"], tickSize: "0.01", minOrderSize: "5" }, 201);
    return { alice: await newAccount(base), bob: await newAccount(base), market: m.market, token: m.assets[0], other: m.assets[1] };
  });
  const open = [];
  try {
    await channelChecksWith(base, { alice, bob, market, token, other }, open);
  } finally {
    await Promise.all(open.map((c) => c.close()));
  }
}

async function channelChecksWith(base, { alice, bob, market, token, other }, open) {
  const subscribeUser = (account) => ({
    auth: { apiKey: account.creds.key, secret: account.creds.secret, passphrase: account.creds.passphrase },
    type: "user",
    markets: [market],
  });
  let aUser;
  let bUser;
  await check("/ws/user: subscribe with auth, type user and markets; PING -> PONG", async () => {
    aUser = await Channel.open(wsUrl(base, "/ws/user"), subscribeUser(alice));
    open.push(aUser);
    bUser = await Channel.open(wsUrl(base, "/ws/user"), subscribeUser(bob));
    open.push(bUser);
    for (const ch of [aUser, bUser]) {
      const from = ch.received.length;
      ch.send("PING");
      await ch.until(from, (m) => m === "PONG", (found) => found.length === 1, "PONG");
    }
  });
  if (!aUser || !bUser) return;

  // Orders of alice seeded on both assets: the cancel paths cancel them.
  const seedFor = async (asset, n, fields = {}) => {
    const template = { side: "BUY", price: "0.3", size: "10", ...fields };
    const ids = await seedOrders(base, orders(alice, market, asset, n, template));
    return ids.map((id) => ({ id, account: alice, market, asset, side: template.side, price: template.price, size: template.size }));
  };
  let single;
  let pair;
  let ofAsset;
  let rest;
  await check("orders seeded through the admin API -> a PLACEMENT event each, LIVE, with the documented fields", async () => {
    const from = aUser.received.length;
    single = await seedFor(token, 1);
    pair = await seedFor(token, 2, { price: "0.31" });
    ofAsset = await seedFor(other, 2, { side: "SELL", price: "0.7", size: "6" });
    rest = [...(await seedFor(token, 1, { price: "0.29" })), ...(await seedFor(other, 1, { price: "0.2" }))];
    const all = [...single, ...pair, ...ofAsset, ...rest];
    const ids = all.map((o) => o.id);
    const heard = await aUser.until(from, isOrderEvent("PLACEMENT", ids), (found) => found.length >= ids.length, "PLACEMENT events");
    expectEqual(heard.map((e) => e.id).sort(), [...ids].sort(), "PLACEMENT events");
    for (const order of all) expectOrderEvent(heard.find((e) => e.id === order.id), order, "PLACEMENT", "LIVE");
    return `${ids.length} events`;
  });
  if (!single) return;

  await check("cancelOrder({orderID}) -> its CANCELLATION event, already received when the call resolves", () =>
    expectCancellations(aUser, () => alice.client.cancelOrder({ orderID: single[0].id }), single, "cancelOrder"));

  await check("cancelOrders([id1, id2]) -> a CANCELLATION event each, already received when the call resolves", () =>
    expectCancellations(aUser, () => alice.client.cancelOrders(pair.map((o) => o.id)), pair, "cancelOrders"));

  await check("cancelMarketOrders({market, asset_id}) -> a CANCELLATION event for each order of that asset and none other, already received", () =>
    expectCancellations(aUser, () => alice.client.cancelMarketOrders({ market, asset_id: other }),
      [...ofAsset, rest[1]], "cancelMarketOrders"));

  await check("cancelAll() -> the CANCELLATION event of the remaining order, already received when the call resolves", () =>
    expectCancellations(aUser, () => alice.client.cancelAll(), [rest[0]], "cancelAll"));

  // A fill: alice rests a SELL, the market channel subscribes, bob's FOK BUY takes it.
  let resting;
  await check("createAndPostOrder GTC SELL 10 at 0.50 (alice) -> its PLACEMENT event", async () => {
    const from = aUser.received.length;
    const resp = await timed(alice.client.createAndPostOrder({ tokenID: token, price: 0.5, size: 10, side: Side.SELL }), "createAndPostOrder");
    if (resp?.success !== true || !ID_RE.test(resp?.orderID ?? "")) throw new Error(`postOrder answered ${show(resp)}`);
    resting = { id: resp.orderID, account: alice, market, asset: token, side: "SELL", price: "0.5", size: "10" };
    const [event] = await aUser.until(from, isOrderEvent("PLACEMENT", [resting.id]), (found) => found.length === 1, "PLACEMENT");
    expectOrderEvent(event, resting, "PLACEMENT", "LIVE");
    expectEqual(event.order_type, "GTC", "order_type", show(event));
  });
  if (!resting) return;

  let book;
  await check("/ws/market: subscribe with assets_ids and type market -> a book of the asset, the resting SELL in it", async () => {
    book = await Channel.open(wsUrl(base, "/ws/market"), { assets_ids: [token], type: "market" });
    open.push(book);
    const [snapshot] = await book.until(0, (m) => m?.event_type === "book", (found) => found.length >= 1, "book");
    expectEqual(snapshot.asset_id, token, "asset_id", show(snapshot));
    expectEqual(snapshot.market, market, "market", show(snapshot));
    expectEqual(snapshot.bids, [], "bids", show(snapshot));
    expectEqual(snapshot.asks.map((l) => [Number(l.price), Number(l.size)]), [[0.5, 10]], "asks", show(snapshot));
    for (const f of ["timestamp", "hash", "tick_size"]) {
      if (typeof snapshot[f] !== "string" || snapshot[f] === "") throw new Error(`${f}: expected a string\n${show(snapshot)}`);
    }
    const from = book.received.length;
    book.send("PING");
    await book.until(from, (m) => m === "PONG", (found) => found.length === 1, "PONG");
  });

  let fill;
  await check("createAndPostMarketOrder FOK BUY $5 (bob) -> matched, the SELL taken whole", async () => {
    const marks = { a: aUser.received.length, b: bUser.received.length, book: book ? book.received.length : 0 };
    const resp = await timed(bob.client.createAndPostMarketOrder({ tokenID: token, amount: 5, side: Side.BUY }, undefined, OrderType.FOK),
      "createAndPostMarketOrder FOK");
    if (resp?.success !== true || resp?.status !== "matched" || resp?.tradeIDs?.length !== 1) {
      throw new Error(`expected {success: true, status: "matched", tradeIDs: [one id]}, got ${show(resp)}`);
    }
    fill = { marks, taker: resp.orderID, trade: resp.tradeIDs[0] };
  });
  if (!fill) return;

  await check("the fill -> a TRADE event to each side: MAKER to alice, TAKER to bob, the same trade", async () => {
    const isTrade = (m) => m?.event_type === "trade" && m.type === "TRADE" && m.id === fill.trade;
    const [forMaker] = await aUser.until(fill.marks.a, isTrade, (found) => found.length === 1, "alice's TRADE");
    const [forTaker] = await bUser.until(fill.marks.b, isTrade, (found) => found.length === 1, "bob's TRADE");
    for (const [event, hearer, side] of [[forMaker, alice, "MAKER"], [forTaker, bob, "TAKER"]]) {
      const where = show(event);
      if (!UUID_RE.test(event.id)) throw new Error(`id: expected a uuid\n${where}`);
      expectEqual(event.trader_side, side, "trader_side", where);
      expectEqual(event.owner, hearer.creds.key, "owner", where);
      expectEqual(event.taker_order_id, fill.taker, "taker_order_id", where);
      expectEqual(event.market, market, "market", where);
      expectEqual(event.asset_id, token, "asset_id", where);
      expectEqual(event.side, "BUY", "side (the taker's)", where);
      expectEqual([Number(event.size), Number(event.price)], [10, 0.5], "size, price", where);
      expectEqual(typeof event.status, "string", "status", where);
      for (const f of ["match_time", "timestamp"]) {
        if (!INTEGER_RE.test(event[f] ?? "")) throw new Error(`${f}: expected an integer string\n${where}`);
      }
      const makers = (event.maker_orders ?? []).map((o) => [o.order_id, o.owner, Number(o.matched_amount), Number(o.price)]);
      expectEqual(makers, [[resting.id, alice.creds.key, 10, 0.5]], "maker_orders [order_id, owner, matched_amount, price]", where);
    }
  });

  await check("the fill -> order events UPDATE with status MATCHED: alice's SELL and bob's BUY, each before its TRADE", async () => {
    for (const [ch, mark, id, who] of [[aUser, fill.marks.a, resting.id, "alice"], [bUser, fill.marks.b, fill.taker, "bob"]]) {
      const updates = await ch.until(mark, (m) => isOrderEvent("UPDATE", [id])(m) && m.status === "MATCHED",
        (found) => found.length >= 1, `${who}'s UPDATE/MATCHED`);
      const last = updates[updates.length - 1];
      expectEqual(Number(last.size_matched), Number(last.original_size), `${who}'s size_matched (all of it)`, show(last));
      if (!last.associate_trades.includes(fill.trade)) throw new Error(`${who}'s associate_trades lack ${fill.trade}: ${show(last)}`);
      const at = (m) => ch.received.indexOf(m);
      const trade = ch.received.find((m, i) => i >= mark && m?.event_type === "trade" && m.id === fill.trade);
      if (at(last) > at(trade)) throw new Error(`${who}'s UPDATE came after the TRADE: ${show(ch.received.slice(mark))}`);
    }
    const resting2 = (await aUser.until(fill.marks.a, isOrderEvent("UPDATE", [resting.id]), (f) => f.length >= 1, "UPDATE")).at(-1);
    expectOrderEvent(resting2, resting, "UPDATE", "MATCHED");
  });

  await check("the fill -> /ws/market: last_trade_price (0.5, BUY, 10), a price_change clearing the 0.50 ask, then a book without it", async () => {
    if (!book) throw new Error("no market-channel connection (its check failed)");
    const mark = fill.marks.book;
    const [last] = await book.until(mark, (m) => m?.event_type === "last_trade_price", (f) => f.length >= 1, "last_trade_price");
    expectEqual([last.asset_id, last.market, Number(last.price), last.side, Number(last.size)], [token, market, 0.5, "BUY", 10],
      "last_trade_price [asset_id, market, price, side, size]", show(last));
    const isClear = (m) => m?.event_type === "price_change" &&
      (m.price_changes ?? []).some((c) => c.asset_id === token && Number(c.price) === 0.5 && c.side === "SELL" && Number(c.size) === 0);
    const [change] = await book.until(mark, isClear, (f) => f.length >= 1, "price_change of the 0.50 ask");
    expectEqual(change.market, market, "price_change market", show(change));
    const level = change.price_changes.find((c) => c.asset_id === token && Number(c.price) === 0.5);
    for (const f of ["hash", "best_bid", "best_ask"]) {
      if (typeof level[f] !== "string") throw new Error(`price_changes[].${f}: expected a string\n${show(change)}`);
    }
    const books = await book.until(mark, (m) => m?.event_type === "book", (f) => f.length >= 1, "book after the trade");
    const after = books.at(-1);
    expectEqual([after.bids, after.asks], [[], []], "book after the trade [bids, asks]", show(after));
    if (book.received.indexOf(last) > book.received.indexOf(after)) throw new Error("last_trade_price came after its book");
  });
}
