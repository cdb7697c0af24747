import { describe, expect, it } from "vitest";
import { siteSettingsSchema } from "./settings";

const base = {
  title: "T",
  description: "",
  logoUrl: "",
  navigation: "",
  timezone: "UTC",
  postsPerPage: "10",
  commentPolicy: "hold_first_time",
  commentLinkLimit: "2",
  commentCloseAfterDays: "0",
};

describe("the settings form", () => {
  it("reads navigation as one “Label | /address” per line", () => {
    const parsed = siteSettingsSchema.parse({
      ...base,
      navigation: "Home | /\nAbout us | /about\n\nGitHub | https://github.com/quire",
    });
    expect(parsed.navigation).toEqual([
      { label: "Home", url: "/" },
      { label: "About us", url: "/about" },
      { label: "GitHub", url: "https://github.com/quire" },
    ]);
    expect(parsed.feedFullContent).toBe(false);
  });

  it("names what is wrong", () => {
    const result = siteSettingsSchema.safeParse({
      ...base,
      navigation: "Evil | javascript:alert(1)",
      timezone: "Mars/Olympus",
      postsPerPage: "0",
      commentPolicy: "anything",
      logoUrl: "data:x",
    });
    expect(result.success).toBe(false);
    const fields = new Set(result.error!.issues.map((issue) => issue.path[0]));
    expect(fields).toEqual(new Set(["navigation", "timezone", "postsPerPage", "commentPolicy", "logoUrl"]));
  });
});
