import { describe, expect, test } from "vitest";
import { jsonErrorOffset, lineAndColumn } from "./json-position";

describe("jsonErrorOffset", () => {
  test("valid JSON has no error offset", () => {
    for (const text of ['{"a": [1, 2.5e3, "x\\n", true, null, {}]}', "[]", ' "s" ', "-0.5"])
      expect(jsonErrorOffset(text)).toBe(-1);
  });

  test("the first bad character is found, with its line and column", () => {
    const text = '{\n  "a": [1, }\n}';
    const offset = jsonErrorOffset(text);
    expect(text[offset]).toBe("}");
    expect(lineAndColumn(text, offset)).toBe("line 2, column 12");
    expect(jsonErrorOffset('{"a" 1}')).toBe(5);
    expect(jsonErrorOffset('{"a": 1,}')).toBe(8);
    expect(jsonErrorOffset("[1] 2")).toBe(4);
    expect(jsonErrorOffset('{"a": ')).toBe(6);
  });

  test("deep nesting does not overflow the scanner", () => {
    expect(jsonErrorOffset("[".repeat(1_000_000))).toBe(1_000_000);
  });
});
