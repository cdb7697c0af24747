import { describe, expect, it } from "vitest";
import { designSchema, isMenuUrl } from "./design";

const valid = {
  accentColor: "#1D4ED8",
  accentColorDark: "#93c5fd",
  logoUrl: "",
  siteIconUrl: "/media/2026/12/icon-abc.png",
  coverImageUrl: "/media/2026/12/cover-1600.webp",
  fontPairing: "bookish",
  navigation: JSON.stringify([
    { label: " Home ", url: "/" },
    { label: "News", url: "/tag/news" },
    { label: "GitHub", url: "https://github.com/quire" },
  ]),
  footerNavigation: "[]",
  homeLayout: "cards",
  postsPerPage: "12",
};

const fieldsOf = (input: Record<string, unknown>) => {
  const result = designSchema.safeParse(input);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [String(i.path[0]), i.message]));
};

describe("menu addresses", () => {
  it("allows site paths and http(s) addresses", () => {
    for (const url of ["/", "/about", "/tag/news?x=1#top", "/author/ada", "http://example.com", "https://a.b/c"]) {
      expect(isMenuUrl(url), url).toBe(true);
    }
  });

  it("refuses scripts, data, other schemes, protocol-relative and spaced addresses", () => {
    for (const url of [
      "javascript:alert(1)",
      "JavaScript:alert(1)",
      " javascript:alert(1)",
      "data:text/html,x",
      "mailto:a@b.c",
      "//evil.example",
      "/\\evil.example",
      "about",
      "https://",
      "/a b",
      "",
    ]) {
      expect(isMenuUrl(url), url).toBe(false);
    }
  });
});

describe("the design form", () => {
  it("reads menus from the editor's JSON, trimmed, with colours lower-cased and numbers coerced", () => {
    const parsed = designSchema.parse(valid);
    expect(parsed.navigation).toEqual([
      { label: "Home", url: "/" },
      { label: "News", url: "/tag/news" },
      { label: "GitHub", url: "https://github.com/quire" },
    ]);
    expect(parsed.footerNavigation).toEqual([]);
    expect(parsed.accentColor).toBe("#1d4ed8");
    expect(parsed.postsPerPage).toBe(12);
  });

  it("names the menu link that is wrong", () => {
    const navigation = JSON.stringify([
      { label: "Fine", url: "/" },
      { label: "Evil", url: "javascript:alert(1)" },
    ]);
    expect(fieldsOf({ ...valid, navigation }).navigation).toBe(
      "Link 2: Use an address on this site (/about) or one starting with http:// or https://.",
    );
    expect(fieldsOf({ ...valid, footerNavigation: JSON.stringify([{ label: "", url: "/" }]) }).footerNavigation).toBe(
      "Link 1: Give every link a label.",
    );
    expect(fieldsOf({ ...valid, navigation: "not json" }).navigation).toMatch(/could not be read/);
    expect(
      fieldsOf({ ...valid, navigation: JSON.stringify(Array(21).fill({ label: "a", url: "/" })) }).navigation,
    ).toBe("A menu holds at most 20 links.");
  });

  it("refuses an accent that fails contrast, naming the ratio, and images from elsewhere", () => {
    const errors = fieldsOf({
      ...valid,
      accentColor: "#ffff00",
      accentColorDark: "#1d4ed8",
      logoUrl: "https://elsewhere.example/logo.png",
      fontPairing: "comic",
      homeLayout: "masonry",
      postsPerPage: "0",
    });
    expect(errors.accentColor).toMatch(/light background is 1\.07:1; links need at least 4\.5:1/);
    expect(errors.accentColorDark).toMatch(/dark background is \d\.\d\d:1/);
    expect(Object.keys(errors).sort()).toEqual(
      ["accentColor", "accentColorDark", "fontPairing", "homeLayout", "logoUrl", "postsPerPage"].sort(),
    );
  });
});
