// Turns what a reader typed into a safe FTS5 query. Every word and phrase becomes a
// quoted string, so FTS5 operators typed by a reader (AND, OR, NOT, NEAR, column
// filters, parentheses, ^, stray quotes) are searched for as text, never parsed.

const MAX_INPUT = 500;
const MAX_TERMS = 12;

export type SearchTerm = { text: string; phrase: boolean; prefix: boolean };

/** Words and "quoted phrases" of the input; a trailing * on a word means prefix search. */
export function parseSearchInput(input: string): SearchTerm[] {
  const text = input.slice(0, MAX_INPUT).normalize("NFC");
  const terms: SearchTerm[] = [];
  for (const match of text.matchAll(/"([^"]*)"?|(\S+)/g)) {
    if (match[1] !== undefined) {
      const words = wordsOf(match[1]);
      if (words.length > 0) terms.push({ text: words.join(" "), phrase: words.length > 1, prefix: false });
      continue;
    }
    const raw = match[2]!;
    const words = wordsOf(raw);
    // "scal*" searches every word starting with "scal"; elsewhere * is just punctuation.
    const prefix = raw.endsWith("*") && words.length === 1;
    for (const word of words) terms.push({ text: word, phrase: false, prefix });
  }
  return terms.slice(0, MAX_TERMS);
}

// Letters and digits only: the unicode61 tokenizer ignores the rest anyway.
function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The FTS5 MATCH expression: all terms (AND) or any (OR); null when nothing is searchable. */
export function toMatchQuery(terms: SearchTerm[], mode: "all" | "any" = "all"): string | null {
  if (terms.length === 0) return null;
  const parts = terms.map((term) => `"${term.text.replaceAll('"', '""')}"${term.prefix ? "*" : ""}`);
  return parts.join(mode === "all" ? " " : " OR ");
}

/**
 * The same terms as a PostgreSQL `to_tsquery` text (docs/postgres.md, full-text search):
 * words `&` (or `|`), "phrases" as `<->` chains, `word*` as the prefix `'word':*`. Terms
 * hold letters and digits only, and each is quoted besides, so nothing a reader typed is
 * read as a tsquery operator. Null when nothing is searchable.
 */
export function toTsQuery(terms: SearchTerm[], mode: "all" | "any" = "all"): string | null {
  if (terms.length === 0) return null;
  const lexeme = (word: string) => `'${word.replaceAll("\\", "\\\\").replaceAll("'", "''")}'`;
  const parts = terms.map((term) => {
    const words = term.text.split(" ").map(lexeme);
    if (term.phrase) return `(${words.join(" <-> ")})`;
    return `${words[0]}${term.prefix ? ":*" : ""}`;
  });
  return parts.join(mode === "all" ? " & " : " | ");
}

/** The words of a missing address, for the 404 page's suggestions: "/my-old_post.html" → "my old post". */
export function wordsOfPath(pathname: string): string {
  let decoded = pathname;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    // A malformed escape: search the raw text.
  }
  return (wordsOf(decoded.replace(/\.(html?|php|aspx?)$/i, "")).filter((word) => word.length > 1) ?? [])
    .slice(0, 8)
    .join(" ");
}
