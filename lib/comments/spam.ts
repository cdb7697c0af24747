import "server-only";

// The spam score: signals from the comment itself plus what moderators decided
// before. At SPAM_THRESHOLD or above a comment goes straight to the spam folder.
export const SPAM_THRESHOLD = 1;

export type SpamSignals = {
  bannedWord: boolean;
  bannedEmail: boolean;
  emailMarkedSpam: number; // earlier comments from this email that moderators marked spam
  ipMarkedSpam: number;
  domainsMarkedSpam: number; // linked domains seen in spam before
  emailApproved: number;
  links: number;
  linkLimit: number;
};

export function spamScore(s: SpamSignals): number {
  let score = 0;
  if (s.bannedWord) score += 1;
  if (s.bannedEmail) score += 1;
  if (s.emailMarkedSpam > 0) score += 1;
  // Weak alone: addresses are shared (offices, mobile networks).
  if (s.ipMarkedSpam > 0) score += Math.min(0.3 + 0.1 * s.ipMarkedSpam, 0.5);
  if (s.domainsMarkedSpam > 0) score += Math.min(0.5 + 0.25 * s.domainsMarkedSpam, 1);
  if (s.links > s.linkLimit) score += 0.3;
  // A track record of approved comments outweighs a weak signal, not a banned word.
  if (s.emailApproved > 0) score -= Math.min(0.3 * s.emailApproved, 0.6);
  return Math.round(Math.max(score, 0) * 100) / 100;
}

/** A banned entry matches a whole word, any case. */
export function containsBannedWord(text: string, words: string[]): boolean {
  const lower = text.toLowerCase();
  return words.some((word) => {
    const w = word.trim().toLowerCase();
    if (!w) return false;
    const escaped = w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, "u").test(lower);
  });
}

/** A banned email entry is a full address or a domain (`@spam.example` or `spam.example`). */
export function isBannedEmail(email: string, banned: string[]): boolean {
  const lower = email.toLowerCase();
  return banned.some((entry) => {
    const e = entry.trim().toLowerCase();
    if (!e) return false;
    if (e.includes("@") && !e.startsWith("@")) return lower === e;
    return lower.endsWith(e.startsWith("@") ? e : `@${e}`);
  });
}
