import "server-only";
import type { Tx } from "@/db/client";
import { insertRedirect, isLiveAddress } from "@/db/queries/imports";
import type { ImportReport } from "./report";
import type { WriteContext } from "./write-common";

/** A 301 from an old address, unless it leads to itself, is too long, or the address is taken. */
export function addRedirect(tx: Tx, report: ImportReport, from: string, to: string) {
  if (from === to || from.length > 300) return;
  // "/hello" may be a staff post's own address (the import's "hello" became "hello-2"): kept live.
  if (isLiveAddress(tx, from)) {
    report.redirects.alreadyTaken++;
    return;
  }
  if (insertRedirect(tx, from, to)) report.redirects.created++;
  else report.redirects.alreadyTaken++;
}

/** Redirects a source lists on their own (Quire exports), in file order, after the posts they
 * lead to: one whose post got another slug here leads to the new one. */
export function writeListedRedirects({ tx, staging, report }: WriteContext) {
  for (const redirect of staging.each("redirect")) {
    const slug = redirect.targetSourceId ? staging.target("post", redirect.targetSourceId)?.slug : undefined;
    addRedirect(tx, report, redirect.sourceId, slug ? `/${slug}` : redirect.to);
  }
}
