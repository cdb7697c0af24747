// Page weight: what a browser (Debian's Chromium, through Playwright) transfers to
// show a page, by kind, as bytes on the wire (compressed, headers included) from
// the DevTools protocol; and whether any request left the site's own host.
import { chromium } from "@playwright/test";

export type Weight = {
  html: number;
  css: number;
  js: number;
  fonts: number;
  images: number;
  other: number;
  totalExImages: number;
  requests: number;
  foreignHosts: string[];
};

const KINDS: Record<string, keyof Omit<Weight, "totalExImages" | "requests" | "foreignHosts">> = {
  Document: "html",
  Stylesheet: "css",
  Script: "js",
  Font: "fonts",
  Image: "images",
};

export async function measurePageWeights(
  origin: string,
  paths: Record<string, string>,
): Promise<Record<string, Weight>> {
  const browser = await chromium.launch({ executablePath: process.env.QUIRE_CHROMIUM ?? "/usr/bin/chromium" });
  try {
    const out: Record<string, Weight> = {};
    for (const [name, path] of Object.entries(paths)) {
      // A fresh context per page: nothing comes from the browser's cache.
      const context = await browser.newContext();
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
      const kinds = new Map<string, string>();
      const weight: Weight = {
        html: 0,
        css: 0,
        js: 0,
        fonts: 0,
        images: 0,
        other: 0,
        totalExImages: 0,
        requests: 0,
        foreignHosts: [],
      };
      const ownHost = new URL(origin).host;
      cdp.on("Network.requestWillBeSent", (event) => {
        const host = new URL(event.request.url).host;
        if (/^https?:/.test(event.request.url) && host !== ownHost && !weight.foreignHosts.includes(host))
          weight.foreignHosts.push(host);
      });
      cdp.on("Network.responseReceived", (event) => kinds.set(event.requestId, event.type));
      cdp.on("Network.loadingFinished", (event) => {
        const kind = KINDS[kinds.get(event.requestId) ?? ""] ?? "other";
        weight[kind] += event.encodedDataLength;
        weight.requests++;
      });
      await page.goto(origin + path, { waitUntil: "networkidle" });
      weight.totalExImages = weight.html + weight.css + weight.js + weight.fonts + weight.other;
      out[name] = weight;
      await context.close();
    }
    return out;
  } finally {
    await browser.close();
  }
}
