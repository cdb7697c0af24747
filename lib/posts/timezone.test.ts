import { describe, expect, it } from "vitest";
import { isValidTimeZone, utcToZonedLocal, zonedLocalToUtc } from "./timezone";

describe("site timezone conversion", () => {
  it("reads a wall-clock time in the site's zone as UTC", () => {
    expect(zonedLocalToUtc("2026-11-23T14:30", "UTC").toISOString()).toBe("2026-11-23T14:30:00.000Z");
    expect(zonedLocalToUtc("2026-11-23T14:30", "Europe/Paris").toISOString()).toBe("2026-11-23T13:30:00.000Z");
    expect(zonedLocalToUtc("2026-07-01T09:00", "America/New_York").toISOString()).toBe("2026-07-01T13:00:00.000Z");
  });

  it("round-trips for the datetime input", () => {
    const at = new Date("2026-03-29T01:30:00.000Z");
    expect(utcToZonedLocal(at, "Europe/Berlin")).toBe("2026-03-29T03:30");
    expect(zonedLocalToUtc(utcToZonedLocal(at, "Europe/Berlin"), "Europe/Berlin").toISOString()).toBe(at.toISOString());
  });

  it("knows a real zone from a made-up one", () => {
    expect(isValidTimeZone("Asia/Tokyo")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
  });
});
