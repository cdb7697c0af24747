import { expect, test } from "vitest";
import { nameField } from "./auth";

test("a staff name loses control characters and bidirectional overrides, and is still required", () => {
  expect(nameField.parse(" Ada\u202Eecalevol\u0000 ")).toBe("Ada ecalevol");
  expect(nameField.safeParse("\u202E\u0000").success).toBe(false);
  expect(nameField.safeParse("x".repeat(101)).success).toBe(false);
});
