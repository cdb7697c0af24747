import "server-only";
import { htmlToText } from "./convert";
import { bump } from "./report";
import type { WriteContext } from "./write-common";

// The comments of an import, written inside the import's one write() (lib/transfer/write.ts):
// each comment once (keyed by its source id), then the reply links, once every comment has its id.

export async function writeComments({ sql, staging, report, key, step }: WriteContext) {
  // New ids and reply links are kept in the staging file: a million comments fit there, not in maps.
  for (const comment of staging.each("comment")) {
    await step("comment");
    const body = staging.comment(comment.sourceId);
    if (!body) continue; // skipped while converting
    if (comment.parentSourceId) staging.addReply(comment.sourceId, comment.parentSourceId);
    const known = await sql.findImported(key("comment", comment.sourceId));
    if (known !== undefined) {
      staging.setTarget("comment", comment.sourceId, known);
      bump(report.alreadyImported, "comment");
      continue;
    }
    const postId = staging.target("post", comment.postSourceId)?.id;
    if (postId === undefined) {
      staging.skip({
        what: `comment ${comment.sourceId}`,
        sourceId: comment.sourceId,
        reason: "its post or page was not imported",
      });
      continue;
    }
    const id = await sql.insertComment({
      postId,
      status: comment.status,
      kind: comment.commentKind,
      authorName: htmlToText(comment.authorName).slice(0, 100) || "Anonymous",
      authorEmail: comment.authorEmail?.slice(0, 254) || null,
      authorUrl: safeUrl(comment.authorUrl),
      markdown: body.markdown,
      html: body.html,
      approvedAt:
        comment.approvedAt !== undefined
          ? comment.approvedAt
          : comment.status === "approved"
            ? comment.createdAt
            : null,
      createdAt: comment.createdAt,
      updatedAt: comment.updatedAt ?? comment.createdAt,
      notifyReplies: comment.notifyReplies ?? false,
    });
    staging.setTarget("comment", comment.sourceId, id);
    bump(report.created, comment.commentKind === "comment" ? "comment" : comment.commentKind);
    await sql.recordImported(key("comment", comment.sourceId), "comment", id);
  }
  // Threads, once every comment has its id: a parent may come later in the file.
  let orphans = 0;
  let cycles = 0;
  for (const { source_id: child, parent } of staging.replies()) {
    const childId = staging.target("comment", child)?.id;
    if (childId === undefined) continue;
    if (inCycle(child, (id) => staging.replyParent(id))) {
      cycles++;
      continue;
    }
    const parentId = staging.target("comment", parent)?.id ?? (await sql.findImported(key("comment", parent)));
    if (parentId === undefined) orphans++;
    else await sql.setCommentParent(childId, parentId);
  }
  if (orphans > 0)
    report.warnings.push(`${orphans} comment(s) answer a comment that is not in the file: shown top-level`);
  if (cycles > 0)
    report.warnings.push(`${cycles} comment(s) are in a loop of replies (a parent cycle): shown top-level`);
}

/** Whether following replies up from `start` comes back round to it. */
function inCycle(start: string, parentOf: (id: string) => string | undefined): boolean {
  const seen = new Set([start]);
  for (let current = parentOf(start); current !== undefined; current = parentOf(current)) {
    if (current === start) return true;
    if (seen.has(current)) return false; // a loop further up, reported for its own members
    seen.add(current);
  }
  return false;
}

function safeUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href.slice(0, 500) : null;
  } catch {
    return null;
  }
}
