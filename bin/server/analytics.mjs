// Cookie-free reader analytics, counted where every request passes (observe.mjs), page
// cache hits included. Only daily aggregates leave this module: views per path, per
// referrer host and per device class, bot views apart, and a visitor estimate. The client
// address and user agent are read, hashed with a salt that lives only in memory and is
// replaced every UTC day, and dropped; the hashes of the day stay in a Set in memory (and
// an open connection remembers its last visitor, so that its next views skip the hash).
// The app's background loop (lib/jobs/background.ts) drains the counts into the database
// every few seconds and at shutdown; it reaches this buffer through globalThis.
import crypto, { createHash, randomBytes } from "node:crypto";
import { isbot } from "isbot";

/** Where the app finds this process's buffer (bin/server and the Next app share a process). */
export const GLOBAL_KEY = "quireAnalytics";

// Bounds against crawlers and scanners: beyond them a day's Set or a path map stops growing
// (views still count; new visitors are then counted without being remembered).
const MAX_VISITORS_PER_DAY = 1_000_000;
const MAX_KEYS_PER_DRAIN = 20_000;
const MAX_PATH_LENGTH = 512;
// Auth.js's session cookie: staff looking at the site are not readers.
const AUTH_COOKIE = /(?:^|;)\s*(?:__Secure-|__Host-)?authjs\.session-token/;
// Next's router prefetches are not views (a navigation without a prefetch header is).
const PREFETCH_HEADERS = ["next-router-prefetch", "next-router-segment-prefetch"];

// The last visitor an open connection brought (a browser reuses its connection for page
// after page): a view by the same address and agent on it, with the same day's salt, was
// already counted, so it skips the hash. Held in memory on the socket, gone with it.
const LAST_VISITOR = Symbol("quire.lastVisitor");

const TABLET = /ipad|tablet|playbook|silk|kindle|(?:android(?!.*mobile))/i;
const MOBILE = /mobi|iphone|ipod|android|windows phone|iemobile|opera mini|blackberry/i;

/**
 * The device class a user agent tells of: tablets first (an Android tablet says "Android"
 * without "Mobile"), then phones; anything else is a desktop.
 * @param {string} userAgent
 * @returns {"mobile" | "tablet" | "desktop"}
 */
export function deviceClass(userAgent) {
  if (TABLET.test(userAgent)) return "tablet";
  if (MOBILE.test(userAgent)) return "mobile";
  return "desktop";
}

const REFERER_HOST = /^https?:\/\/(?:[^/?#@]*@)?(\[[^\]/?#]*\]|[^/?#:]+)/i;

// One-shot hashing (Node 20.12+) is about twice as fast as createHash; the fallback is the same digest.
const sha256 =
  typeof crypto.hash === "function"
    ? (/** @type {string} */ text) => crypto.hash("sha256", text, "base64url")
    : (/** @type {string} */ text) => createHash("sha256").update(text).digest("base64url");

/** YYYY-MM-DD of a time, in UTC. */
export function utcDay(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * The host a Referer names when it is another site's; "" when there is none (a direct
 * visit); null when it is this site's own (internal navigation: not a referrer).
 * @param {string | undefined} referer
 * @param {string | undefined} ownHost the request's Host
 */
export function referrerHost(referer, ownHost) {
  if (!referer) return "";
  // The host of an absolute http(s) address, read without building a URL (this runs per view).
  const host = REFERER_HOST.exec(referer)?.[1]?.toLowerCase();
  if (!host) return "";
  const own = (ownHost ?? "").toLowerCase().replace(/:\d+$/, "");
  if (host === own) return null;
  return host.startsWith("www.") ? host.slice(4) : host;
}

/**
 * @typedef {{ day: string, views: number, visitors: number, bots: number, paths: Map<string, number>, referrers: Map<string, number>, devices: Map<string, number> }} DayCounts
 */

function emptyDay(day) {
  return { day, views: 0, visitors: 0, bots: 0, paths: new Map(), referrers: new Map(), devices: new Map() };
}

function add(map, key) {
  const count = map.get(key);
  if (count !== undefined) map.set(key, count + 1);
  else if (map.size < MAX_KEYS_PER_DRAIN) map.set(key, 1);
}

/**
 * This process's counts. `now` is for tests (day rollover).
 * @param {{ now?: () => number }} [options]
 */
export function createAnalytics({ now = Date.now } = {}) {
  let day = utcDay(now());
  // The day's bounds, so most views compare two numbers instead of formatting a date.
  let dayStarts = Date.parse(`${day}T00:00:00Z`);
  let salt = randomBytes(32).toString("base64");
  /** @type {Set<string>} hashes of the day's visitors, in memory only */
  let seen = new Set();
  /** @type {Map<string, DayCounts>} counts not yet drained, by day */
  let pending = new Map();
  // What each user agent is (a bot, or a device class), so most views skip isbot's long
  // pattern and the device patterns: a site sees few distinct agents.
  /** @type {Map<string, "bot" | "mobile" | "tablet" | "desktop">} */
  const agents = new Map();

  function kindOf(userAgent) {
    let kind = agents.get(userAgent);
    if (kind === undefined) {
      kind = userAgent === "" || isbot(userAgent) ? "bot" : deviceClass(userAgent);
      if (agents.size >= 2000) agents.clear();
      agents.set(userAgent, kind);
    }
    return kind;
  }

  function countsFor(time) {
    if (time < dayStarts || time >= dayStarts + 86_400_000) {
      // A new UTC day: a new salt, and yesterday's hashes are forgotten.
      day = utcDay(time);
      dayStarts = Date.parse(`${day}T00:00:00Z`);
      salt = randomBytes(32).toString("base64");
      seen = new Set();
    }
    const today = day;
    let counts = pending.get(today);
    if (!counts) pending.set(today, (counts = emptyDay(today)));
    return counts;
  }

  const analytics = {
    /** Off (the site setting): nothing is counted. The app's loop sets it. */
    enabled: true,
    /**
     * One reader page answered. The caller has checked the route class and status.
     * `connection` (the socket) lets repeat views on one connection skip the visitor hash.
     * @param {{ path: string, userAgent: string | undefined, referer: string | undefined, host: string | undefined, address: string | null, connection?: object }} view
     */
    view({ path, userAgent = "", referer, host, address, connection }) {
      if (!analytics.enabled) return;
      const counts = countsFor(now());
      const ip = address ?? "";
      const last = connection?.[LAST_VISITOR];
      const known = last !== undefined && last.salt === salt && last.address === ip && last.userAgent === userAgent;
      const kind = known ? last.kind : kindOf(userAgent);
      if (kind === "bot") {
        counts.bots += 1;
        return;
      }
      counts.views += 1;
      add(counts.paths, path.length > MAX_PATH_LENGTH ? path.slice(0, MAX_PATH_LENGTH) : path);
      const referrer = referrerHost(referer, host);
      if (referrer !== null) add(counts.referrers, referrer);
      add(counts.devices, kind);
      if (known) return;
      const visitor = sha256(`${salt}\n${ip}\n${userAgent}`);
      if (!seen.has(visitor)) {
        if (seen.size < MAX_VISITORS_PER_DAY) seen.add(visitor);
        counts.visitors += 1;
      }
      if (connection) connection[LAST_VISITOR] = { salt, address: ip, userAgent, kind };
    },
    /**
     * Hands over what was counted since the last drain and starts afresh (the day's
     * visitor hashes stay, so a visitor is counted once per day by this process).
     * @returns {DayCounts[]}
     */
    drain() {
      const days = [...pending.values()];
      pending = new Map();
      return days;
    },
    /** Puts drained counts back (a failed write), to be added on the next drain. */
    restore(/** @type {DayCounts[]} */ days) {
      for (const old of days) {
        const counts = pending.get(old.day) ?? emptyDay(old.day);
        pending.set(old.day, counts);
        counts.views += old.views;
        counts.visitors += old.visitors;
        counts.bots += old.bots;
        for (const name of /** @type {const} */ (["paths", "referrers", "devices"])) {
          for (const [key, count] of old[name]) counts[name].set(key, (counts[name].get(key) ?? 0) + count);
        }
      }
    },
    /** Set by the app: writes what is pending now (called at shutdown, awaited before exit). */
    flush: /** @type {(() => Promise<void>) | null} */ (null),
    /** Set by the server: the connection that watches data_version, to write through (see server.mjs). */
    connection: /** @type {unknown} */ (null),
  };
  return analytics;
}

/**
 * Whether a finished request is a reader page view: GET, a reader route, answered 200,
 * not a router prefetch and not a signed-in staff member.
 */
export function isReaderView(request, status, route) {
  if (route !== "reader" || status !== 200 || request.method !== "GET") return false;
  const headers = request.headers;
  if (headers[PREFETCH_HEADERS[0]] !== undefined || headers[PREFETCH_HEADERS[1]] !== undefined) return false;
  const purpose = headers["sec-purpose"] ?? headers.purpose;
  if (typeof purpose === "string" && purpose.includes("prefetch")) return false;
  const cookie = headers.cookie;
  if (cookie && AUTH_COOKIE.test(Array.isArray(cookie) ? cookie.join(";") : cookie)) return false;
  return true;
}
