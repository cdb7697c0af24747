import { describe, expect, it } from "vitest";
import { isSameOrigin } from "./same-origin";

const from = (headers: Record<string, string>) => isSameOrigin(new Headers(headers));

describe("isSameOrigin", () => {
  it("accepts a POST from a page of the site itself", () => {
    expect(from({ host: "blog.example:3000", origin: "http://blog.example:3000" })).toBe(true);
    expect(from({ host: "127.0.0.1:3500", "x-forwarded-host": "blog.example", origin: "https://blog.example" })).toBe(
      true,
    );
  });

  it.each([
    ["another site", { host: "blog.example", origin: "https://evil.example" }],
    ["an opaque origin", { host: "blog.example", origin: "null" }],
    ["no origin", { host: "blog.example" }],
    [
      "a cross-site fetch even with a matching origin",
      { host: "blog.example", origin: "https://blog.example", "sec-fetch-site": "cross-site" },
    ],
    ["a host that differs only by port", { host: "blog.example:3000", origin: "http://blog.example:3001" }],
    [
      "a forwarded host that differs from the origin",
      { host: "blog.example", "x-forwarded-host": "evil.example", origin: "https://blog.example" },
    ],
    ["an origin that is not http(s)", { host: "blog.example", origin: "javascript://blog.example" }],
    ["a malformed origin", { host: "blog.example", origin: "http://" }],
    ["no host at all", { origin: "https://blog.example" }],
  ])("refuses %s", (_, headers) => {
    expect(from(headers as Record<string, string>)).toBe(false);
  });
});
