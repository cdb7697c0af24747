import { expect, test } from "vitest";
import { withoutControlCharacters } from "./control-characters";

test("control characters go, the text and its line breaks stay", () => {
  expect(withoutControlCharacters("Roses \u001b[0;31mred\u001b[0m, \u0007bell\u0008 and \u0085next")).toBe(
    "Roses [0;31mred[0m, bell and next",
  );
  expect(withoutControlCharacters("line one\r\n\tline two")).toBe("line one\r\n\tline two");
  expect(withoutControlCharacters("Привет 你好 🙂")).toBe("Привет 你好 🙂");
});
