// The font pairings the owner can choose on Admin → Design. The fonts themselves ship with
// the app (components/site/site-design.ts); this list is plain data so forms and validation can use it.

export const FONT_PAIRING_IDS = ["system", "modern", "bookish", "editorial"] as const;
export type FontPairingId = (typeof FONT_PAIRING_IDS)[number];

export type FontRole = "system-sans" | "system-serif" | "sans" | "serif" | "mono" | "system-mono";

export const FONT_PAIRINGS: Record<
  FontPairingId,
  { label: string; body: FontRole; headings: FontRole; code: FontRole }
> = {
  system: {
    label: "System (the reader's own fonts, nothing to download)",
    body: "system-sans",
    headings: "system-sans",
    code: "system-mono",
  },
  modern: { label: "Modern: Inter throughout, JetBrains Mono for code", body: "sans", headings: "sans", code: "mono" },
  bookish: { label: "Bookish: Source Serif 4 text, Inter headings", body: "serif", headings: "sans", code: "mono" },
  editorial: { label: "Editorial: Source Serif 4 headings, Inter text", body: "sans", headings: "serif", code: "mono" },
};
