// How the XSS corpus is judged in Chromium: dialogs, calls of the window.__xss marker and
// dangerous DOM left on each page, tallied for SECURITY.md (used by xss.spec.ts).
import { type Browser, expect, type Page } from "@playwright/test";
import { signInAsOwner } from "../fixtures/site";

/** What each page showed: dialogs, marker calls and dangerous DOM left, tallied for SECURITY.md. */
export const tally = {
  renders: 0,
  tried: new Map<string, number>(),
  dialogs: 0,
  executed: 0,
  dangerous: [] as string[],
};
export const tried = (place: string, count: number) => tally.tried.set(place, (tally.tried.get(place) ?? 0) + count);

/** Counts dialogs and calls of window.__xss on this page for as long as it lives. */
export async function watch(page: Page) {
  page.on("dialog", (dialog) => {
    tally.dialogs++;
    void dialog.dismiss();
  });
  await page.exposeFunction("__xss", () => {
    tally.executed++;
  });
}

/** Opens a page, lets deferred handlers (onerror, ontoggle, autofocus) run, and inspects the DOM. */
export async function inspect(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(500);
  await inspectDom(page, path);
}

/** Stored HTML on its own, in a blank document: what a browser makes of it, whatever page shows it. */
export async function inspectStored(page: Page, label: string, html: string) {
  await page.setContent(`<!doctype html><title>stored</title><div>${html}</div>`);
  await inspectDom(page, label);
}

export async function inspectDom(page: Page, path: string) {
  await page.waitForLoadState("load");
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
  tally.renders++;
  const found = await page.evaluate(() => {
    const URL_ATTRIBUTES = new Set([
      "href",
      "src",
      "action",
      "formaction",
      "xlink:href",
      "data",
      "poster",
      "background",
      "srcset",
      "values",
      "to",
      "from",
      "ping",
    ]);
    const bad: string[] = [];
    for (const element of Array.from(document.querySelectorAll("*"))) {
      const tag = element.tagName.toLowerCase();
      if (["iframe", "frame", "object", "embed", "base"].includes(tag)) bad.push(`<${tag}>`);
      if (tag === "meta" && /refresh/i.test(element.getAttribute("http-equiv") ?? ""))
        bad.push("<meta http-equiv=refresh>");
      // Next's own scripts carry the nonce, or are its chunks its runtime adds; JSON-LD is data.
      const script = element as HTMLScriptElement;
      if (
        tag === "script" &&
        !script.nonce &&
        script.type !== "application/ld+json" &&
        !script.src.startsWith(`${location.origin}/_next/static/`)
      ) {
        bad.push(`<script src=${script.src}>${script.textContent?.slice(0, 40)}`);
      }
      for (const attribute of Array.from(element.attributes)) {
        const name = attribute.name.toLowerCase();
        const value = attribute.value.replace(/[\u0000-\u0020]/g, "").toLowerCase();
        if (name.startsWith("on")) bad.push(`<${tag} ${name}>`);
        if (name === "srcdoc") bad.push(`<${tag} srcdoc>`);
        if (name === "style" && /url\(|expression\(/.test(value)) bad.push(`<${tag} style=${value.slice(0, 40)}>`);
        if (
          URL_ATTRIBUTES.has(name) &&
          /(^|,)(javascript|vbscript|data):/.test(value) &&
          !(tag === "img" && value.startsWith("data:image/"))
        ) {
          bad.push(`<${tag} ${name}=${value.slice(0, 40)}>`);
        }
      }
    }
    return bad;
  });
  tally.dangerous.push(...found.map((item) => `${path}: ${item}`));
  expect(found, path).toEqual([]);
}

/** Several tabs of one context inspecting a list of paths side by side (the server has cores to spare). */
export async function inspectAll(browser: Browser, paths: string[], tabs = 3) {
  const context = await browser.newContext({ bypassCSP: true });
  const pages = await Promise.all(Array.from({ length: tabs }, () => context.newPage()));
  for (const page of pages) await watch(page);
  let next = 0;
  await Promise.all(
    pages.map(async (page) => {
      while (next < paths.length) await inspect(page, paths[next++]!);
    }),
  );
  await context.close();
}

/** Runs `work` over the items, a few at a time. */
export async function inBatches<T, R>(
  items: T[],
  size: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size) {
    results.push(...(await Promise.all(items.slice(start, start + size).map((item, i) => work(item, start + i)))));
  }
  return results;
}

export function expectNothingRan() {
  expect(tally.dialogs, "dialogs").toBe(0);
  expect(tally.executed, "payloads executed").toBe(0);
  expect(tally.dangerous).toEqual([]);
}

export async function ownerPage(browser: Browser) {
  const page = await (await browser.newContext({ bypassCSP: true })).newPage();
  await watch(page);
  await signInAsOwner(page);
  return page;
}
