import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect";

describe("safeRedirectPath", () => {
  it("keeps paths on this site", () => {
    expect(safeRedirectPath("/admin/settings")).toBe("/admin/settings");
    expect(safeRedirectPath("/admin/posts?status=draft#top")).toBe("/admin/posts?status=draft#top");
  });

  it.each([
    "https://evil.example",
    "//evil.example",
    "/\\evil.example",
    "javascript:alert(1)",
    "/\t/evil.example",
    "",
    undefined,
  ])("sends %j back to the fallback", (target) => {
    expect(safeRedirectPath(target)).toBe("/admin");
  });
});
