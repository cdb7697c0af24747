import rehypeParse from "rehype-parse";
import rehypeSanitize from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import TurndownService from "turndown";
import { unified } from "unified";
import { renderPostMarkdown, type RenderedPost } from "../markdown/render";

// Imported HTML → the Markdown Quire stores, then Quire's own renderer makes the HTML,
// so an import is sanitised exactly like a post typed in the editor. Elements Markdown
// cannot hold (iframes, scripts with a source, audio, video, objects) become visible
// links to what they showed: nothing vanishes without a trace.

type HastNode = {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
};

const htmlParser = unified().use(rehypeParse, { fragment: true });
const htmlSanitizer = unified().use(rehypeSanitize).use(rehypeStringify);

// The options of the Admin API's converter (lib/admin-api/post-body.ts), plus tables,
// strikethrough and figure captions, which imported posts use and Ghost clients do not.
const turndown = new TurndownService({ headingStyle: "atx", codeBlockStyle: "fenced", bulletListMarker: "-" });
turndown.addRule("strikethrough", { filter: ["del", "s"], replacement: (content) => `~~${content}~~` });
turndown.addRule("table", {
  filter: "table",
  replacement: (_content, node) => `\n\n${tableMarkdown(node as HTMLTableElement)}\n\n`,
});

function cellText(cell: Element): string {
  return turndown
    .turndown((cell as HTMLElement).innerHTML ?? cell.textContent ?? "")
    .replace(/\n+/g, " ")
    .replace(/\|/g, "\\|")
    .trim();
}

/** A GFM table; a table without rows is its text. */
function tableMarkdown(table: HTMLTableElement): string {
  const rows = Array.from(table.querySelectorAll("tr")).map((row) =>
    Array.from(row.querySelectorAll("th, td")).map(cellText),
  );
  const width = Math.max(0, ...rows.map((row) => row.length));
  if (rows.length === 0 || width === 0) return table.textContent ?? "";
  const line = (cells: string[]) => `| ${Array.from({ length: width }, (_, i) => cells[i] ?? "").join(" | ")} |`;
  const caption = table.querySelector("caption")?.textContent?.trim();
  return [
    ...(caption ? [`*${caption}*`, ""] : []),
    line(rows[0]!),
    line(Array(width).fill("---")),
    ...rows.slice(1).map(line),
  ].join("\n");
}

const EMBEDDED = new Set(["iframe", "embed", "object", "video", "audio", "script"]);
const INLINE = /^(a|b|i|em|strong|span|code|sup|sub|small|mark|abbr|s|del|ins|u|q|cite|kbd|var|time|label)$/;
const INVISIBLE = new Set(["script", "style", "template", "noscript"]);

/** The first URL an embedded element shows (its src, data or first <source>). */
function sourceOf(node: HastNode): string | null {
  const props = node.properties ?? {};
  const direct = props.src ?? props.data;
  // Only web addresses become links: a javascript: or data: source names nothing to visit.
  if (typeof direct === "string" && /^(?:https?:\/\/|\/\/|\/(?!\/)|\.)/i.test(direct.trim())) return direct.trim();
  for (const child of node.children ?? []) {
    if (child.type === "element") {
      const found = sourceOf(child);
      if (found) return found;
    }
  }
  return null;
}

/** Embeds → links, comments dropped; warnings say what happened. */
function replaceEmbeds(node: HastNode, warnings: string[]): void {
  if (!node.children) return;
  node.children = node.children.flatMap((child): HastNode[] => {
    if (child.type === "comment") return [];
    if (child.type === "element" && EMBEDDED.has(child.tagName!)) {
      const url = sourceOf(child);
      if (!url) {
        if (child.tagName !== "script") {
          warnings.push(`${child.tagName} without a web address removed (its fallback text kept)`);
          return child.children ?? [];
        }
        warnings.push("a script without a web address was removed");
        return [];
      }
      warnings.push(`${child.tagName} kept as a link: ${url}`);
      const label = child.tagName === "script" || child.tagName === "iframe" ? `Embedded content: ${url}` : url;
      const anchor: HastNode = {
        type: "element",
        tagName: "a",
        properties: { href: url },
        children: [{ type: "text", value: label }],
      };
      return [{ type: "element", tagName: "p", properties: {}, children: [anchor] }];
    }
    // The sanitiser knows no <figure>: a caption becomes an emphasised paragraph under its image.
    if (child.type === "element" && child.tagName === "figcaption") {
      replaceEmbeds(child, warnings);
      const em: HastNode = { type: "element", tagName: "em", properties: {}, children: child.children ?? [] };
      return [{ type: "element", tagName: "p", properties: {}, children: [em] }];
    }
    if (child.type === "element" && child.tagName === "figure") child.tagName = "div";
    replaceEmbeds(child, warnings);
    return [child];
  });
}

/** The text a reader of the old page saw (scripts and styles aside). */
export function visibleText(node: HastNode): string {
  if (node.type === "text") return node.value ?? "";
  if (node.type === "element" && INVISIBLE.has(node.tagName!)) return "";
  // Block elements are apart from their neighbours; inline ones run on ("<sup>super</sup>script").
  return (node.children ?? [])
    .map((child) =>
      child.type === "element" && !INLINE.test(child.tagName!) ? ` ${visibleText(child)} ` : visibleText(child),
    )
    .join("");
}

/** Plain text of an HTML fragment (titles and excerpts are stored as text). */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return html.trim();
  return visibleText(htmlParser.parse(html) as HastNode)
    .replace(/\s+/g, " ")
    .trim();
}

export type Converted = RenderedPost & { markdown: string; sourceText: string; warnings: string[] };

/** Source HTML (shortcodes already expanded) → stored Markdown, rendered HTML, and the source's visible text. */
export async function convertHtml(html: string): Promise<Converted> {
  const warnings: string[] = [];
  const tree = htmlParser.parse(html) as HastNode;
  const sourceText = visibleText(tree);
  replaceEmbeds(tree, warnings);
  const clean = String(htmlSanitizer.stringify(await htmlSanitizer.run(tree as never)));
  const markdown = turndown.turndown(clean);
  return { ...(await renderPostMarkdown(markdown)), markdown, sourceText, warnings };
}

/** Markdown bodies (front-matter files) are stored as they are. */
export async function convertMarkdown(markdown: string): Promise<Converted> {
  const rendered = await renderPostMarkdown(markdown);
  // The words a reader of the source would see: without link targets, code fence languages
  // and tags (raw HTML is not rendered by Quire: its words are then counted as lost).
  const sourceText = markdown
    .replace(/^(\s*(?:`{3,}|~{3,}))[^\n]*$/gm, "$1")
    .replace(/^\s*\[[^\]]+\]:\s*\S+.*$/gm, "")
    .replace(/\]\([^)]*\)/g, "]")
    .replace(/<[^>]+>/g, " ");
  return { ...rendered, markdown, sourceText, warnings: [] };
}

export type ConvertedBody = RenderedPost & { markdown: string; warnings: string[]; words: number; kept: number };

/** A post body converted and its words counted: the unit of work a converter (convert-pool.ts) runs. */
export async function convertBody(format: "html" | "markdown", text: string): Promise<ConvertedBody> {
  const { sourceText, ...converted } = await (format === "html" ? convertHtml(text) : convertMarkdown(text));
  return { ...converted, ...wordPreservation(sourceText, converted.html) };
}

/** Comment HTML → Markdown for Quire's comment renderer. */
export async function commentHtmlToMarkdown(html: string): Promise<string> {
  const plain = plainParagraphs(html);
  if (plain) return plain.join("\n\n");
  const tree = htmlParser.parse(html.includes("<") ? html : html.replace(/\n/g, "<br>")) as HastNode;
  replaceEmbeds(tree, []);
  return turndown.turndown(String(htmlSanitizer.stringify(await htmlSanitizer.run(tree as never))));
}

// Most comments are a few paragraphs of plain words: `<p>Nice post, thanks.</p>`. Their
// Markdown is their text and their rendering is the same paragraphs, so they skip both
// parsers (at a million comments the two pipelines cost minutes). Plain means: starts
// with a letter, and holds only letters, digits, spaces and . , ; ! ? ' ’ " ( ) -, none
// of which Turndown escapes or Markdown reads as syntax there (convert.test.ts checks
// the shortcut against the full conversion). Anything else takes the full path.
const PLAIN_TEXT = /^\p{L}[\p{L}\p{M}\p{N} .,;!?'’"()-]*$/u;
const PARAGRAPH = /<p>([^<>&]*)<\/p>/gy;

/** The paragraphs of a comment made of plain paragraphs only (or of one plain line), else null. */
function plainParagraphs(html: string): string[] | null {
  const source = html.trim();
  if (!source.includes("<")) {
    const text = source.replace(/[ \t]+/g, " ");
    return PLAIN_TEXT.test(text) ? [text] : null;
  }
  const paragraphs: string[] = [];
  PARAGRAPH.lastIndex = 0;
  let at = 0;
  for (;;) {
    while (at < source.length && /[ \t\r\n]/.test(source[at]!)) at++;
    if (at === source.length) break;
    PARAGRAPH.lastIndex = at;
    const match = PARAGRAPH.exec(source);
    if (!match) return null;
    const text = match[1]!.replace(/[ \t\r\n]+/g, " ").trim();
    if (!PLAIN_TEXT.test(text)) return null;
    paragraphs.push(text);
    at = PARAGRAPH.lastIndex;
  }
  return paragraphs.length > 0 ? paragraphs : null;
}

/**
 * A comment's stored Markdown and rendered HTML: plain paragraphs directly, anything
 * else through Turndown (for HTML) and the comment renderer.
 */
export async function convertComment(
  html: string,
  markdown: string | undefined,
  render: (markdown: string) => Promise<string>,
): Promise<{ markdown: string; html: string }> {
  const plain = markdown === undefined ? plainParagraphs(html) : plainMarkdownParagraphs(markdown);
  if (plain) return { markdown: plain.join("\n\n"), html: plain.map((text) => `<p>${text}</p>`).join("\n") };
  const source = markdown ?? (await commentHtmlToMarkdown(html));
  return { markdown: source, html: await render(source) };
}

/** Markdown that is plain paragraphs (one line each, a blank line between): the same shortcut. */
function plainMarkdownParagraphs(markdown: string): string[] | null {
  const paragraphs = markdown.trim().split(/\n[ \t]*\n/);
  for (const text of paragraphs) if (!PLAIN_TEXT.test(text) || / {2}|[ \t]$/.test(text)) return null;
  return markdown.trim() === "" ? null : paragraphs;
}

/** Words as the report counts them: letters and digits, case and accents kept apart from punctuation. */
function words(text: string): string[] {
  return (
    text
      .normalize("NFC")
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

// Tags of HTML Quire's own renderer wrote (well-formed, sanitised, no comments): its text
// is read with a regular expression instead of a second parse. Inline tags join their
// neighbours, block tags separate them, as visibleText does.
const TAG = /<\/?([a-zA-Z][\w-]*)(?:[^>"']|"[^"]*"|'[^']*')*>/g;
const REFERENCE = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos|nbsp));/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

const codePoint = (n: number) => (n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : "\ufffd");

/** The visible text of HTML that Quire's renderer produced (not for HTML from anywhere else). */
export function renderedText(html: string): string {
  return html
    .replace(TAG, (_tag, name: string) => (INLINE.test(name.toLowerCase()) ? "" : " "))
    .replace(REFERENCE, (_ref, hex?: string, dec?: string, named?: string) =>
      named ? NAMED[named]! : codePoint(hex ? parseInt(hex, 16) : Number(dec)),
    );
}

/** The share of the source's words (counted with repeats) found in the rendered HTML's text. */
export function wordPreservation(sourceText: string, renderedHtml: string): { words: number; kept: number } {
  const source = words(sourceText);
  const available = new Map<string, number>();
  for (const word of words(renderedText(renderedHtml))) available.set(word, (available.get(word) ?? 0) + 1);
  let kept = 0;
  for (const word of source) {
    const left = available.get(word) ?? 0;
    if (left > 0) {
      kept++;
      available.set(word, left - 1);
    }
  }
  return { words: source.length, kept };
}
