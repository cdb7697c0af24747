import { describe, expect, test } from "vitest";
import { commentsClosed, decideStatus } from "./policy";
import { containsBannedWord, isBannedEmail, spamScore, SPAM_THRESHOLD } from "./spam";

const quiet = {
  bannedWord: false,
  bannedEmail: false,
  emailMarkedSpam: 0,
  ipMarkedSpam: 0,
  domainsMarkedSpam: 0,
  emailApproved: 0,
  links: 0,
  linkLimit: 2,
};

describe("spam score", () => {
  test("moderators' spam marks on the email or a banned word reach the threshold alone", () => {
    expect(spamScore({ ...quiet, emailMarkedSpam: 1 })).toBeGreaterThanOrEqual(SPAM_THRESHOLD);
    expect(spamScore({ ...quiet, bannedWord: true })).toBeGreaterThanOrEqual(SPAM_THRESHOLD);
    expect(spamScore({ ...quiet, bannedEmail: true })).toBeGreaterThanOrEqual(SPAM_THRESHOLD);
  });

  test("a shared address or too many links alone do not", () => {
    expect(spamScore({ ...quiet, ipMarkedSpam: 10, links: 6 })).toBeLessThan(SPAM_THRESHOLD);
    expect(spamScore({ ...quiet, domainsMarkedSpam: 1 })).toBeLessThan(SPAM_THRESHOLD);
    expect(spamScore({ ...quiet, domainsMarkedSpam: 2 })).toBeGreaterThanOrEqual(SPAM_THRESHOLD);
  });

  test("banned words match whole words in any case; banned emails match addresses and domains", () => {
    expect(containsBannedWord("Cheap VIAGRA now", ["viagra"])).toBe(true);
    expect(containsBannedWord("class assignment", ["ass"])).toBe(false);
    expect(containsBannedWord("anything", ["", "  "])).toBe(false);
    expect(isBannedEmail("bad@spam.example", ["spam.example"])).toBe(true);
    expect(isBannedEmail("bad@spam.example", ["@spam.example"])).toBe(true);
    expect(isBannedEmail("good@notspam.example", ["spam.example"])).toBe(false);
    expect(isBannedEmail("x@example.com", ["x@example.com"])).toBe(true);
  });
});

describe("policy", () => {
  const base = { staff: false, policy: "hold_first_time" as const, score: 0, links: 0, linkLimit: 2, emailApproved: 0 };
  test("holds first-time commenters, publishes known ones, holds too many links, spams a high score", () => {
    expect(decideStatus(base)).toBe("pending");
    expect(decideStatus({ ...base, emailApproved: 1 })).toBe("approved");
    expect(decideStatus({ ...base, emailApproved: 1, links: 6 })).toBe("pending");
    expect(decideStatus({ ...base, score: 1 })).toBe("spam");
    expect(decideStatus({ ...base, policy: "hold_all", emailApproved: 3 })).toBe("pending");
    expect(decideStatus({ ...base, policy: "publish" })).toBe("approved");
    expect(decideStatus({ ...base, staff: true, score: 5 })).toBe("approved");
  });

  test("comments close per post or N days after publication", () => {
    const day = 86_400_000;
    const now = Date.now();
    expect(commentsClosed({ commentsOpen: false, publishedAt: new Date(now) }, 0, now)).toBe(true);
    expect(commentsClosed({ commentsOpen: true, publishedAt: new Date(now - 40 * day) }, 0, now)).toBe(false);
    expect(commentsClosed({ commentsOpen: true, publishedAt: new Date(now - 40 * day) }, 30, now)).toBe(true);
    expect(commentsClosed({ commentsOpen: true, publishedAt: new Date(now - 10 * day) }, 30, now)).toBe(false);
  });
});
