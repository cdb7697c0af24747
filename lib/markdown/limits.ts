// Markdown that parses in quadratic time or nests deep enough to overflow the parser's
// stack (10,000 nested quotes, list markers or emphasis delimiters) is refused before
// it reaches remark: no prose needs more than a few levels. Shared by the post and
// comment validations (client and server) and checked again by both renderers.

export const MAX_MARKDOWN_NESTING = 32;
export const MARKDOWN_TOO_DEEP = `Quotes, lists, links and emphasis can nest at most ${MAX_MARKDOWN_NESTING} levels deep.`;

// A line's leading containers: block quotes and list markers ("> - 1. > text").
const CONTAINERS = /^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]?)+/;
const CONTAINER_MARK = />|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])/g;
// Emphasis and strikethrough delimiters side by side (a thematic break line is fine).
const DELIMITER_RUN = new RegExp(`[*_~]{${MAX_MARKDOWN_NESTING + 1},}`);
const THEMATIC_BREAK = /^[ \t]*([*_-])(?:[ \t]*\1)*[ \t]*$/;

/** True when the text nests containers, brackets or delimiters past the limit. */
export function markdownTooDeep(markdown: string): boolean {
  let brackets = 0;
  for (const line of markdown.split("\n")) {
    const prefix = CONTAINERS.exec(line)?.[0];
    if (prefix && (prefix.match(CONTAINER_MARK)?.length ?? 0) > MAX_MARKDOWN_NESTING) return true;
    if (DELIMITER_RUN.test(line) && !THEMATIC_BREAK.test(line)) return true;
    // Link text inside link text: unclosed "[" are counted across the paragraph.
    if (line.trim() === "") brackets = 0;
    for (let i = 0; i < line.length; i++) {
      const char = line[i];
      if (char === "\\") i++;
      else if (char === "[" && ++brackets > MAX_MARKDOWN_NESTING) return true;
      else if (char === "]" && brackets > 0) brackets--;
    }
  }
  return false;
}
