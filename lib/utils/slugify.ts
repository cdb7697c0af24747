import transliterateToSlug from "@sindresorhus/slugify";

// Client-safe (the editor derives a slug from the title as you type); lib/posts/slug re-exports it.
//
// How a title becomes an address, and why:
// - Scripts with a well-known Latin spelling are transliterated by @sindresorhus/slugify
//   (kept up to date, per-language rules): "Привет мир" → "privet-mir", "Straße" → "strasse",
//   "Γειά σου" → "geia-soy", "Crème brûlée" → "creme-brulee". ASCII addresses are what
//   people can type, read aloud and paste anywhere without percent-encoding.
// - Letters it has no spelling for (Chinese, Japanese, Korean, Hebrew, Devanagari…) are
//   kept as they are, lowercased, as WordPress does: "你好世界" → "你好世界". Dropping them
//   would leave an empty or meaningless slug; browsers show them readably and the reader
//   page decodes the percent-encoded path (lib/site/reader.ts slugParam).
// - Nothing usable at all (emoji, symbols) gives "": callers choose the fallback — posts
//   become "untitled" (db/queries/posts.ts uniquePostSlug, then "untitled-2", …), users
//   "author", and a tag name of only symbols is refused with a field error.
// - Bounded as before (80 characters) and also to 240 once percent-encoded, so a slug
//   in a non-Latin script still fits the address limits of the proxy's redirect lookup.
// A valid slug is exactly one this function leaves unchanged (isSlug), so hand-typed
// slugs follow the same rules as derived ones.

const MAX_SLUG_LENGTH = 80;
const MAX_ENCODED_LENGTH = 240;
const OPTIONS = { decamelize: false } as const;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const MARK = /\p{M}/u;

// Per character: does it stay as it is (a letter or digit the library cannot spell in ASCII)?
const keptCache = new Map<string, boolean>();
function keptAsIs(char: string): boolean {
  let kept = keptCache.get(char);
  if (kept === undefined) {
    kept = LETTER_OR_DIGIT.test(char) && transliterateToSlug(char, OPTIONS) === "";
    if (keptCache.size > 5000) keptCache.clear();
    keptCache.set(char, kept);
  }
  return kept;
}

/**
 * The text in runs of kept and transliterable characters; a combining mark stays with its
 * letter. Compatibility forms are folded first ("ﬁ" → "fi", "Ⅻ" → "XII", full-width "Ａ" → "A").
 */
function runs(text: string): { kept: boolean; text: string }[] {
  const list: { kept: boolean; text: string }[] = [];
  for (const char of text.normalize("NFKC")) {
    const last = list.at(-1);
    const kept = last && MARK.test(char) ? last.kept : keptAsIs(char);
    if (last && last.kept === kept) last.text += char;
    else list.push({ kept, text: char });
  }
  return list;
}

function bounded(slug: string): string {
  let out = "";
  let encoded = 0;
  for (const char of slug) {
    const size = encodeURIComponent(char).length;
    if (out.length + char.length > MAX_SLUG_LENGTH || encoded + size > MAX_ENCODED_LENGTH) break;
    out += char;
    encoded += size;
  }
  return out.replace(/-+$/, "");
}

/** "Hello, Wörld!" → "hello-woerld", "Привет мир" → "privet-mir", "東京 2026" → "東京-2026". Empty when nothing usable is left. */
export function slugify(text: string): string {
  const parts = runs(text)
    .map((run) => (run.kept ? run.text.toLowerCase() : transliterateToSlug(run.text, OPTIONS)))
    .filter(Boolean);
  return bounded(parts.join("-"));
}

/** Whether a hand-typed slug is one slugify would make: lowercase, no spaces or symbols, within the bounds. */
export function isSlug(value: string): boolean {
  return value !== "" && slugify(value) === value;
}
