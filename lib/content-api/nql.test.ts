import { describe, expect, it } from "vitest";
import { NqlError, parseNql } from "./nql";

describe("parseNql", () => {
  it("reads the filters Ghost clients send", () => {
    expect(parseNql("tag:news")).toEqual({ type: "compare", field: "tag", op: "eq", value: "news" });
    expect(parseNql("featured:true")).toEqual({ type: "compare", field: "featured", op: "eq", value: true });
    expect(parseNql("tag:-news")).toEqual({ type: "compare", field: "tag", op: "ne", value: "news" });
    expect(parseNql("slug:[a, b-c]")).toEqual({ type: "compare", field: "slug", op: "in", value: ["a", "b-c"] });
    expect(parseNql("slug:-[a,b]")).toMatchObject({ op: "nin", value: ["a", "b"] });
    expect(parseNql("published_at:>'2025-01-01'")).toEqual({
      type: "compare",
      field: "published_at",
      op: "gt",
      value: "2025-01-01",
    });
    expect(parseNql("published_at:<=2025-01-01")).toMatchObject({ op: "lte", value: "2025-01-01" });
  });

  it("binds + tighter than , and honours parentheses", () => {
    expect(parseNql("tag:a+featured:true,author:b")).toEqual({
      type: "or",
      children: [
        {
          type: "and",
          children: [
            { type: "compare", field: "tag", op: "eq", value: "a" },
            { type: "compare", field: "featured", op: "eq", value: true },
          ],
        },
        { type: "compare", field: "author", op: "eq", value: "b" },
      ],
    });
    expect(parseNql("(tag:a,tag:b)+featured:true")).toMatchObject({
      type: "and",
      children: [{ type: "or" }, { field: "featured" }],
    });
  });

  it("keeps quoted text as text, escapes included", () => {
    expect(parseNql("title:'it\\'s, here+(x)'")).toMatchObject({ value: "it's, here+(x)" });
  });

  it.each([
    ["tag:'", /Unterminated/],
    ["tag:", /Expected a value/],
    [":news", /field name/],
    ["tag news", /Expected ":"/],
    ["tag:a)", /Unexpected "\)"/],
    ["(tag:a", /Missing "\)"/],
    ["slug:[a,b", /Missing "]"/],
    ["tag:=>a", /Unknown operator/],
    ["x".repeat(10_000), /too long/],
    ["(".repeat(50) + "tag:a" + ")".repeat(50), /nested too deeply/],
    ["id:1; DROP TABLE posts", /Unexpected/],
  ])("refuses %j with a message", (filter, message) => {
    expect(() => parseNql(filter)).toThrow(NqlError);
    expect(() => parseNql(filter)).toThrow(message);
  });
});
