import "server-only";
import type { Db } from "@/db/client";
import { insertRedirect, isLiveAddress } from "@/db/queries/imports";
import type { ImportReport } from "./report";
import type { WriteContext } from "./write-common";

/** A 301 from an old address, unless it leads to itself, is too long, or the address is taken. */
export async function addRedirect(db: Db, report: ImportReport, from: string, to: string) {
  if (from === to || from.length > 300) return;
  // "/hello" may be a staff post's own address (the import's "hello" became "hello-2"): kept live.
  if (await isLiveAddress(db, from)) {
    report.redirects.alreadyTaken++;
    return;
  }
  if (await insertRedirect(db, from, to)) report.redirects.created++;
  else report.redirects.alreadyTaken++;
}

/** Redirects a source lists on their own (Quire exports), in file order, after the posts they
 * lead to: one whose post got another slug here leads to the new one. */
export async function writeListedRedirects({ db, staging, report }: WriteContext) {
  for (const redirect of staging.each("redirect")) {
    const slug = redirect.targetSourceId ? staging.target("post", redirect.targetSourceId)?.slug : undefined;
    await addRedirect(db, report, redirect.sourceId, slug ? `/${slug}` : redirect.to);
  }
}
