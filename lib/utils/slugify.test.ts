import { describe, expect, test } from "vitest";
import { isSlug, slugify } from "./slugify";

describe("slugify", () => {
  test.each([
    ["Hello, World!", "hello-world"],
    ["Привет мир", "privet-mir"],
    ["Straße", "strasse"],
    ["Γειά σου Κόσμε", "geia-soy-kosme"],
    ["Crème brûlée à la carte", "creme-brulee-a-la-carte"],
    ["Đà Nẵng", "da-nang"],
    ["İstanbul", "istanbul"],
    ["Don't panic", "dont-panic"],
    ["JavaScript tips", "javascript-tips"],
    ["my_post: 50% off", "my-post-50-off"],
    ["ﬁnal Ⅻ", "final-xii"],
  ])("transliterates %j to %j", (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  test.each([
    ["你好世界", "你好世界"],
    ["東京タワー 2026", "東京タワー-2026"],
    ["안녕하세요 세계", "안녕하세요-세계"],
    ["שלום עולם", "שלום-עולם"],
    ["नमस्ते दुनिया", "नमस्ते-दुनिया"],
  ])("keeps the letters of %j it cannot spell in ASCII", (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  test("mixed scripts keep every word", () => {
    expect(slugify("Café 日本 — mix")).toBe("cafe-日本-mix");
    expect(slugify("日本語ok")).toBe("日本語-ok");
  });

  test.each(["🎉🎉", "!!!", "  ", "— · —", ""])("%j has nothing usable: empty, for the caller's fallback", (title) => {
    expect(slugify(title)).toBe("");
  });

  test("stays within 80 characters and 240 once percent-encoded, never ending in a hyphen", () => {
    expect(slugify("word ".repeat(40))).toHaveLength(79);
    expect(slugify("a".repeat(100))).toHaveLength(80);
    const cjk = slugify("字".repeat(100));
    expect(cjk).toBe("字".repeat(26));
    expect(encodeURIComponent(cjk).length).toBeLessThanOrEqual(240);
  });

  test("a slug is what slugify leaves unchanged", () => {
    for (const title of ["Привет мир", "你好世界", "Café 日本 — mix", "Straße", "x".repeat(90)]) {
      expect(isSlug(slugify(title))).toBe(true);
    }
    for (const typed of ["", "Hello", "two  spaces", "trailing-", "a--b", "straße", "привет", "a_b", "50%"]) {
      expect(isSlug(typed)).toBe(false);
    }
    expect(isSlug("你好-2")).toBe(true);
  });
});
