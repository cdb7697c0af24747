import "server-only";
import { type CommentSignals, countSpamDomains } from "@/db/queries/comment-checks";
import type { SiteSettings } from "@/db/queries/settings";
import type { CommentStatus } from "@/db/schema";
import { decideStatus } from "./policy";
import { countLinks, linkDomains } from "./render";
import { containsBannedWord, isBannedEmail, spamScore } from "./spam";

/** The site's length rule, as a sentence for the form, or null. */
export function checkLength(
  body: string,
  settings: Pick<SiteSettings, "commentMinLength" | "commentMaxLength">,
): string | null {
  const length = body.trim().length;
  if (length < settings.commentMinLength) return `Write at least ${settings.commentMinLength} characters.`;
  if (length > settings.commentMaxLength)
    return `Keep your comment under ${settings.commentMaxLength.toLocaleString("en")} characters.`;
  return null;
}

/** Spam score and landing status of a new comment, from its text and what moderators decided before. */
export async function assessComment({
  staff,
  email,
  markdown,
  signals,
  settings,
}: {
  staff: boolean;
  email: string;
  markdown: string;
  /** What the database holds of this sender (readCommentSignals). */
  signals: CommentSignals;
  settings: SiteSettings;
}): Promise<{
  status: CommentStatus;
  score: number;
}> {
  if (staff) return { status: "approved", score: 0 };
  const links = countLinks(markdown);
  const emailApproved = signals.emailApproved;
  const score = spamScore({
    bannedWord: containsBannedWord(markdown, settings.bannedWords),
    bannedEmail: isBannedEmail(email, settings.bannedEmails),
    emailMarkedSpam: signals.emailSpam,
    ipMarkedSpam: signals.ipSpam,
    domainsMarkedSpam: await countSpamDomains({ domains: linkDomains(markdown) }),
    emailApproved,
    links,
    linkLimit: settings.commentLinkLimit,
  });
  const status = decideStatus({
    staff,
    policy: settings.commentPolicy,
    score,
    links,
    linkLimit: settings.commentLinkLimit,
    emailApproved,
  });
  return { status, score };
}
