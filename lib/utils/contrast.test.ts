import { describe, expect, it } from "vitest";
import { accentProblem, contrastRatio, formatRatio, luminance } from "./contrast";

describe("contrast", () => {
  it("measures the WCAG ratios people know", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#ffffff")).toBe(1);
    // #767676 on white is the classic "just passes AA" grey.
    expect(contrastRatio("#767676", "#ffffff")).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio("#777777", "#ffffff")).toBeLessThan(4.5);
    expect(luminance("#FFFFFF")).toBe(1);
  });

  it("rounds the shown ratio down, so a failing one never reads as 4.50", () => {
    expect(formatRatio(4.499)).toBe("4.49:1");
    expect(formatRatio(21)).toBe("21.00:1");
  });

  it("passes the shipped accents and refuses pale or dark ones with the ratio", () => {
    expect(accentProblem("#1d4ed8", "light")).toBeNull();
    expect(accentProblem("#93c5fd", "dark")).toBeNull();
    expect(accentProblem("#ffff00", "light")).toMatch(/^Contrast against the light background is 1\.07:1; .*darker/);
    expect(accentProblem("#1d4ed8", "dark")).toMatch(/dark background is \d\.\d\d:1; .*lighter/);
    expect(accentProblem("blue", "light")).toBe("Use a colour like #1d4ed8.");
  });
});
