import localFont from "next/font/local";
import type { CSSProperties } from "react";
import { accentProblem } from "@/lib/utils/contrast";
import { FONT_PAIRING_IDS, FONT_PAIRINGS, type FontPairingId, type FontRole } from "@/lib/utils/font-pairings";

// Fonts shipped with the app (npm: @fontsource-variable/*), served by Next from our own
// origin under /_next/static/media. Latin subset, one variable file per family; not
// preloaded, so a page that uses none of them (the "system" pairing) downloads nothing.

const inter = localFont({
  src: "../../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  variable: "--font-inter",
  weight: "100 900",
  display: "swap",
  preload: false,
});
const sourceSerif = localFont({
  src: [
    {
      path: "../../node_modules/@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-normal.woff2",
      style: "normal",
    },
    {
      path: "../../node_modules/@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-italic.woff2",
      style: "italic",
    },
  ],
  variable: "--font-source-serif",
  weight: "200 900",
  display: "swap",
  preload: false,
});
const jetbrainsMono = localFont({
  src: "../../node_modules/@fontsource-variable/jetbrains-mono/files/jetbrains-mono-latin-wght-normal.woff2",
  variable: "--font-jetbrains-mono",
  weight: "100 800",
  display: "swap",
  preload: false,
});

/** Classes defining the font variables; harmless until a pairing uses them. */
export const FONT_VARIABLES = `${inter.variable} ${sourceSerif.variable} ${jetbrainsMono.variable}`;

const STACK: Record<FontRole, string> = {
  "system-sans": "var(--font-sans)",
  "system-serif": "var(--font-serif)",
  "system-mono": "var(--font-mono)",
  sans: "var(--font-inter), var(--font-sans)",
  serif: "var(--font-source-serif), var(--font-serif)",
  mono: "var(--font-jetbrains-mono), var(--font-mono)",
};

/** The custom properties globals.css's .site-design reads for one pairing. */
function pairingStyle(id: FontPairingId): CSSProperties {
  const pairing = FONT_PAIRINGS[id] ?? FONT_PAIRINGS.system;
  return {
    "--site-font-body": STACK[pairing.body],
    "--site-font-headings": STACK[pairing.headings],
    "--site-font-code": STACK[pairing.code],
  } as CSSProperties;
}

export type DesignChoices = { accentColor: string; accentColorDark: string; fontPairing: string };

/**
 * The reader site's look as custom properties on its outermost element (globals.css uses
 * them). A stored value that would not pass (written by hand, an old release) falls back to
 * the shipped accent, so a reader never gets unreadable links.
 */
export function siteDesignStyle(choices: DesignChoices): CSSProperties {
  const pairing = (FONT_PAIRING_IDS as readonly string[]).includes(choices.fontPairing)
    ? (choices.fontPairing as FontPairingId)
    : "system";
  return {
    ...(accentProblem(choices.accentColor, "light") === null ? { "--color-accent": choices.accentColor } : {}),
    ...(accentProblem(choices.accentColorDark, "dark") === null
      ? { "--color-accent-dark": choices.accentColorDark }
      : {}),
    ...pairingStyle(pairing),
  } as CSSProperties;
}
