import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { folderStorage, isValidMediaKey, newMediaKey } from "./storage";

describe("media storage", () => {
  it("generates names and accepts only its own shape of key", () => {
    const { key } = newMediaKey("png", 1200, new Date("2026-11-23T10:00:00Z"));
    expect(key).toMatch(/^2026\/11\/[a-f0-9]{16}-w1200\.png$/);
    for (const bad of [
      "../quire.db",
      "2026/../../x.png",
      "a/./b.png",
      "x.png\u0000.html",
      "/etc/passwd",
      "2026\\11\\x.png",
      ".hidden.png",
      "2026//x.png",
    ]) {
      expect(isValidMediaKey(bad)).toBe(false);
    }
  });

  it("never reads or writes outside its folder", async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "quire-media-"));
    const storage = folderStorage(path.join(root, "media"));
    fs.writeFileSync(path.join(root, "secret.txt"), "secret");
    expect(await storage.read("../secret.txt")).toBeNull();
    await expect(storage.put("../escape.png", Buffer.from("x"))).rejects.toThrow(/invalid media key/);
    expect(fs.existsSync(path.join(root, "escape.png"))).toBe(false);
    await storage.put("2026/11/abc-w10.png", Buffer.from("png"));
    expect((await storage.read("2026/11/abc-w10.png"))?.toString()).toBe("png");
    fs.rmSync(root, { recursive: true, force: true });
  });
});
