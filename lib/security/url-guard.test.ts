import { describe, expect, it } from "vitest";
import { isPrivateAddress, webhookUrlProblem } from "./url-guard";

describe("url guard", () => {
  it.each([
    "127.0.0.1",
    "10.1.2.3",
    "172.20.0.1",
    "192.168.1.1",
    "169.254.169.254",
    "0.0.0.0",
    "::1",
    "fe80::1",
    "fd00::1",
    "::ffff:127.0.0.1",
    "not-an-ip",
  ])("treats %s as private", (address) => expect(isPrivateAddress(address)).toBe(true));

  it.each(["93.184.216.34", "1.1.1.1", "2606:4700:4700::1111"])("treats %s as public", (address) =>
    expect(isPrivateAddress(address)).toBe(false),
  );

  it("accepts only http(s) URLs without credentials", () => {
    expect(webhookUrlProblem("https://example.com/hook")).toBeNull();
    expect(webhookUrlProblem("ftp://example.com")).toMatch(/Only http and https/);
    expect(webhookUrlProblem("javascript:alert(1)")).toMatch(/Only http and https/);
    expect(webhookUrlProblem("https://user:pw@example.com")).toMatch(/credentials/);
    expect(webhookUrlProblem("example.com")).toMatch(/full URL/);
  });
});
