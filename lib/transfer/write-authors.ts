import "server-only";
import { findImported, findUserIdByEmail, insertImportedUser, recordImported } from "@/db/queries/imports";
import { slugify } from "../utils/slugify";
import { htmlToText } from "./convert";
import { bump } from "./report";
import { clip, type WriteContext } from "./write-common";

/** Each author once: matched by e-mail to a member the site has, else created. Their ids by source id. */
export async function writeAuthors({ db, staging, report, key, step }: WriteContext): Promise<Map<string, number>> {
  const authorIds = new Map<string, number>();
  for (const author of staging.each("author")) {
    await step("author");
    const known = await findImported(db, key("author", author.sourceId));
    if (known !== undefined) {
      authorIds.set(author.sourceId, known);
      bump(report.alreadyImported, "author");
      continue;
    }
    const existing = author.email ? await findUserIdByEmail(db, author.email) : undefined;
    const slug = slugify(author.slug ?? "") || slugify(author.name) || "author";
    const id =
      existing ??
      (await insertImportedUser(db, {
        // Staff need an address: one that can never receive mail until someone sets a real one.
        email: author.email ?? `${slug}-${author.sourceId.length}@imported.invalid`,
        name: htmlToText(author.name).slice(0, 100) || "Imported author",
        slugBase: slug,
        role: author.role,
        bio: clip(author.bio, 500) ?? "",
      }));
    bump(existing === undefined ? report.created : report.merged, "author");
    if (!author.email && existing === undefined)
      report.notes.push({
        item: `author “${author.name}”`,
        note: "no e-mail in the export: a placeholder address was given",
      });
    authorIds.set(author.sourceId, id);
    await recordImported(db, key("author", author.sourceId), "user", id);
  }
  return authorIds;
}
