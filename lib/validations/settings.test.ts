import { describe, expect, it } from "vitest";
import { siteSettingsSchema } from "./settings";

const base = {
  title: "T",
  description: "",
  timezone: "UTC",
  commentPolicy: "hold_first_time",
  commentLinkLimit: "2",
  commentCloseAfterDays: "0",
};

describe("the settings form", () => {
  it("reads an unchecked box as false, and leaves the design's keys to Admin → Design", () => {
    const parsed = siteSettingsSchema.parse({ ...base, navigation: "Home | /", logoUrl: "/media/x.png" });
    expect(parsed.feedFullContent).toBe(false);
    expect(parsed).not.toHaveProperty("navigation");
    expect(parsed).not.toHaveProperty("logoUrl");
  });

  it("names what is wrong", () => {
    const result = siteSettingsSchema.safeParse({
      ...base,
      timezone: "Mars/Olympus",
      commentPolicy: "anything",
      commentLinkLimit: "-1",
    });
    expect(result.success).toBe(false);
    const fields = new Set(result.error!.issues.map((issue) => issue.path[0]));
    expect(fields).toEqual(new Set(["timezone", "commentPolicy", "commentLinkLimit"]));
  });
});
