import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";

// Raw HTML in Markdown is dropped (remark-rehype without allowDangerousHtml), and the
// result still passes an allowlist sanitiser: what is stored is safe to render as is.
const postProcessor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype)
  .use(rehypeSanitize, {
    ...defaultSchema,
    protocols: { ...defaultSchema.protocols, href: ["http", "https", "mailto"], src: ["http", "https"] },
  })
  .use(rehypeStringify);

const WORDS_PER_MINUTE = 265;

export type RenderedPost = { html: string; plaintext: string; wordCount: number };

/** Markdown source → the sanitised HTML, plain text and word count stored with a post. */
export async function renderPostMarkdown(markdown: string): Promise<RenderedPost> {
  const tree = postProcessor.parse(markdown);
  const plaintext = textOf(tree).replace(/\s+/g, " ").trim();
  const html = postProcessor.stringify(await postProcessor.run(tree));
  return { html, plaintext, wordCount: countWords(plaintext) };
}

type MdNode = { type: string; value?: string; children?: MdNode[] };

// Inline nodes join without a gap; blocks (paragraphs, list items, cells) with one.
const INLINE = new Set(["paragraph", "heading", "emphasis", "strong", "delete", "link", "linkReference", "tableCell"]);

function textOf(node: MdNode): string {
  if (node.type === "code" || node.type === "inlineCode" || node.type === "text") return node.value ?? "";
  if (!node.children) return "";
  return node.children.map(textOf).join(INLINE.has(node.type) ? "" : " ");
}

export function countWords(text: string): number {
  const words = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu);
  return words ? words.length : 0;
}

/** Minutes to read, at least one. */
export function readingTime(wordCount: number): number {
  return Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE));
}

/** The first sentences of a body, cut at a word boundary. */
export function deriveExcerpt(plaintext: string, maxLength = 200): string {
  if (plaintext.length <= maxLength) return plaintext;
  const cut = plaintext.slice(0, maxLength);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), maxLength * 0.6)).trimEnd()}…`;
}
