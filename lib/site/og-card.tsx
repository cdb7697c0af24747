import "server-only";
import { ImageResponse } from "next/og";

// next/og ships one font (Geist, Latin). Anything else would make it fetch glyphs
// from the network, so the card keeps only printable ASCII (accents folded first).
export function asciiOnly(text: string, max = 120): string {
  const folded = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, "-");
  const ascii = folded
    .replace(/[^\x20-\x7e]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return ascii.length > max ? `${ascii.slice(0, max - 3).trimEnd()}...` : ascii;
}

/** A 1200×630 social card: title large, site name and subtitle small. */
export function ogCard({ title, site, subtitle }: { title: string; site: string; subtitle?: string }) {
  const heading = asciiOnly(title) || asciiOnly(site) || "Quire";
  return new ImageResponse(
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        padding: 80,
        background: "#18181b",
        color: "#fafafa",
      }}
    >
      <div style={{ fontSize: 32, color: "#93c5fd", display: "flex" }}>{asciiOnly(site, 60)}</div>
      <div style={{ fontSize: heading.length > 60 ? 56 : 72, lineHeight: 1.15, display: "flex" }}>{heading}</div>
      <div style={{ fontSize: 28, color: "#d4d4d8", display: "flex" }}>{asciiOnly(subtitle ?? "", 80)}</div>
    </div>,
    { width: 1200, height: 630, headers: { "cache-control": "public, max-age=3600" } },
  );
}
