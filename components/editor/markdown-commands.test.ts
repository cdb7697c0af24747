import { describe, expect, it } from "vitest";
import { applyCommand, commandForKey, insertBlock } from "./markdown-commands";

describe("editor commands", () => {
  it("wraps the selection, or a placeholder when nothing is selected", () => {
    expect(applyCommand({ text: "say hi now", start: 4, end: 6 }, "bold")).toEqual({
      text: "say **hi** now",
      start: 6,
      end: 8,
    });
    expect(applyCommand({ text: "", start: 0, end: 0 }, "link").text).toBe("[link text](https://)");
  });

  it("prefixes each selected line once", () => {
    expect(applyCommand({ text: "one\ntwo", start: 0, end: 7 }, "list").text).toBe("- one\n- two");
    expect(applyCommand({ text: "> one", start: 2, end: 2 }, "quote").text).toBe("> one");
    expect(applyCommand({ text: "a\nTitle", start: 3, end: 3 }, "heading").text).toBe("a\n## Title");
  });

  it("puts an image on its own paragraph", () => {
    expect(insertBlock({ text: "Intro", start: 5, end: 5 }, "![A cat](/media/c.png)").text).toBe(
      "Intro\n\n![A cat](/media/c.png)\n\n",
    );
  });

  it("maps shortcuts", () => {
    expect(commandForKey({ key: "b", ctrlKey: true, metaKey: false, altKey: false })).toBe("bold");
    expect(commandForKey({ key: "H", ctrlKey: false, metaKey: true, altKey: true })).toBe("heading");
    expect(commandForKey({ key: "b", ctrlKey: false, metaKey: false, altKey: false })).toBeNull();
  });
});
