import { describe, expect, it } from "vitest";
import { parseSearchInput, toMatchQuery, toTsQuery, wordsOfPath } from "./search-query";

describe("parseSearchInput / toMatchQuery", () => {
  it("quotes every word, keeps phrases, and allows a trailing * as prefix search", () => {
    expect(toMatchQuery(parseSearchInput('static "site generator" scal*'))).toBe('"static" "site generator" "scal"*');
  });

  it("treats FTS5 operators and punctuation as plain words", () => {
    expect(toMatchQuery(parseSearchInput("NEAR(a b) OR title:x -y ^z"))).toBe(
      '"NEAR" "a" "b" "OR" "title" "x" "y" "z"',
    );
    expect(toMatchQuery(parseSearchInput("a b"), "any")).toBe('"a" OR "b"');
  });

  it("has nothing to search in punctuation alone, and caps long input", () => {
    expect(toMatchQuery(parseSearchInput('"" * ((( '))).toBeNull();
    expect(parseSearchInput("word ".repeat(5000))).toHaveLength(12);
    expect(parseSearchInput('"unclosed phrase here')).toEqual([
      { text: "unclosed phrase here", phrase: true, prefix: false },
    ]);
  });
});

describe("toTsQuery (PostgreSQL)", () => {
  it("joins words with &, chains phrases with <->, and marks a trailing * as a prefix", () => {
    expect(toTsQuery(parseSearchInput('static "site generator" scal*'))).toBe(
      "'static' & ('site' <-> 'generator') & 'scal':*",
    );
    expect(toTsQuery(parseSearchInput("a b"), "any")).toBe("'a' | 'b'");
  });

  it("reads tsquery operators a reader typed as plain words", () => {
    // "d:*" ends in * as "scal*" does: a prefix, exactly as the SQLite query reads it.
    expect(toTsQuery(parseSearchInput("a & !b | c <-> d:* (e) 'f'"))).toBe("'a' & 'b' & 'c' & 'd':* & 'e' & 'f'");
    expect(toTsQuery(parseSearchInput('"" * ((( '))).toBeNull();
  });
});

describe("wordsOfPath", () => {
  it("turns a missing address into search words", () => {
    expect(wordsOfPath("/my-old_post.html")).toBe("my old post");
    expect(wordsOfPath("/caf%C3%A9-cr%C3%A8me")).toBe("café crème");
    expect(wordsOfPath("/%E0%A4%A")).toBe("E0 A4");
    expect(wordsOfPath("/a/b")).toBe("");
  });
});
