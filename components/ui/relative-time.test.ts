import { describe, expect, test } from "vitest";
import { exactTime, relativeTime } from "./relative-time";

const now = new Date("2026-06-15T12:00:00Z");
const at = (offsetSeconds: number) => new Date(now.getTime() + offsetSeconds * 1000);

describe("relativeTime", () => {
  test("says how long ago, in the largest whole unit", () => {
    expect(relativeTime(at(-10), now)).toBe("just now");
    expect(relativeTime(at(-90), now)).toBe("1 minute ago");
    expect(relativeTime(at(-3 * 3600), now)).toBe("3 hours ago");
    expect(relativeTime(at(-26 * 3600), now)).toBe("yesterday");
    expect(relativeTime(at(-15 * 24 * 3600), now)).toBe("2 weeks ago");
    expect(relativeTime(at(-400 * 24 * 3600), now)).toBe("last year");
  });
  test("and how far ahead, for scheduled posts", () => {
    expect(relativeTime(at(2 * 3600 + 5), now)).toBe("in 2 hours");
    expect(relativeTime(at(3 * 24 * 3600), now)).toBe("in 3 days");
  });
  test("the exact time is in UTC to the minute", () => {
    expect(exactTime(at(-3 * 3600))).toBe("2026-06-15 09:00 UTC");
  });
});
