// WCAG 2.x contrast between an accent colour and the reader site's backgrounds.
// Links are text, so AA asks 4.5:1 against the background they sit on.

export const AA_TEXT = 4.5;

/** The reader site's page backgrounds (globals.css: bg-white, dark:bg-zinc-950). */
export const BACKGROUNDS = { light: "#ffffff", dark: "#09090b" } as const;

const HEX = /^#([0-9a-f]{6})$/i;

export function isHexColour(value: string): boolean {
  return HEX.test(value);
}

/** Relative luminance of "#rrggbb" (WCAG 2.2, 1.4.3). */
export function luminance(hex: string): number {
  const match = HEX.exec(hex);
  if (!match) throw new Error(`not a #rrggbb colour: ${hex}`);
  const channels = [0, 2, 4].map((at) => parseInt(match[1]!.slice(at, at + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [
    number,
    number,
    number,
  ];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of two colours, from 1 (same) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Rounded down to two decimals, so a ratio shown as 4.50 never hides a 4.499 that fails. */
export function formatRatio(ratio: number): string {
  return `${(Math.floor(ratio * 100) / 100).toFixed(2)}:1`;
}

/**
 * Null when `accent` reads as link text on the scheme's background, else the sentence the
 * owner sees next to the field, naming the ratio and what is needed.
 */
export function accentProblem(accent: string, scheme: keyof typeof BACKGROUNDS): string | null {
  if (!isHexColour(accent)) return "Use a colour like #1d4ed8.";
  const ratio = contrastRatio(accent, BACKGROUNDS[scheme]);
  if (ratio >= AA_TEXT) return null;
  return `Contrast against the ${scheme} background is ${formatRatio(ratio)}; links need at least 4.5:1 (WCAG AA). Choose a ${scheme === "light" ? "darker" : "lighter"} colour.`;
}
