import rehypeShikiFromHighlighter from "@shikijs/rehype/core";
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { createHighlighterCore, type HighlighterCore, type HighlighterGeneric } from "shiki/core";
import { createJavaScriptRegexEngine } from "shiki/engine/javascript";
import { type Processor, unified } from "unified";
import { AppError } from "../errors";
import { MARKDOWN_TOO_DEEP, markdownTooDeep } from "./limits";
import rehypeMediaSrcset from "./media-srcset";

// Code is highlighted once, at save time, with both themes as CSS variables
// (--shiki-light / --shiki-dark): the stylesheet picks one by prefers-color-scheme.
const THEMES = { light: "github-light-default", dark: "github-dark-default" } as const;

let highlighter: Promise<HighlighterCore> | undefined;
function getHighlighter() {
  // The JavaScript regex engine needs no WebAssembly; the languages are a fixed, common set.
  highlighter ??= createHighlighterCore({
    engine: createJavaScriptRegexEngine(),
    themes: [import("shiki/themes/github-light-default.mjs"), import("shiki/themes/github-dark-default.mjs")],
    langs: [
      import("shiki/langs/javascript.mjs"),
      import("shiki/langs/typescript.mjs"),
      import("shiki/langs/tsx.mjs"),
      import("shiki/langs/jsx.mjs"),
      import("shiki/langs/json.mjs"),
      import("shiki/langs/html.mjs"),
      import("shiki/langs/css.mjs"),
      import("shiki/langs/shellscript.mjs"),
      import("shiki/langs/python.mjs"),
      import("shiki/langs/sql.mjs"),
      import("shiki/langs/yaml.mjs"),
      import("shiki/langs/markdown.mjs"),
      import("shiki/langs/diff.mjs"),
      import("shiki/langs/go.mjs"),
      import("shiki/langs/rust.mjs"),
    ],
  });
  return highlighter;
}

// Only what shiki emits gets through: its class names, tabindex on <pre>, and
// style attributes that set nothing but its own colour variables.
const SHIKI_STYLE =
  /^(?:--shiki-(?:light|dark)(?:-bg|-font-style|-font-weight|-text-decoration)?:(?:#[0-9a-fA-F]{3,8}|italic|bold|normal|underline|none|inherit);?)+$/;
const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  protocols: { ...defaultSchema.protocols, href: ["http", "https", "mailto"], src: ["http", "https"] },
  attributes: {
    ...defaultSchema.attributes,
    // shiki writes `class` and `tabindex` as raw hast properties (not className/tabIndex).
    pre: [
      ["class", `shiki shiki-themes ${THEMES.light} ${THEMES.dark}`],
      ["style", SHIKI_STYLE],
      ["tabindex", "0"],
    ],
    span: [
      ["class", "line"],
      ["style", SHIKI_STYLE],
    ],
  },
};

let processor: Promise<Processor> | undefined;
function getProcessor() {
  processor ??= getHighlighter().then(
    (shiki) =>
      unified()
        .use(remarkParse)
        .use(remarkGfm)
        // Raw HTML in Markdown is dropped (no allowDangerousHtml).
        .use(remarkRehype)
        // The core highlighter is what the plugin needs; only its generic types differ.
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        .use(rehypeShikiFromHighlighter, shiki as unknown as HighlighterGeneric<any, any>, {
          themes: THEMES,
          defaultColor: false,
          defaultLanguage: "text",
          fallbackLanguage: "text",
        })
        // Sanitised after highlighting: what is stored is safe to render as is.
        .use(rehypeSanitize, sanitizeSchema)
        // After the sanitiser: adds only srcset/sizes it builds from strictly matched /media/ URLs.
        .use(rehypeMediaSrcset)
        .use(rehypeStringify) as unknown as Processor,
  );
  return processor;
}

const WORDS_PER_MINUTE = 265;

export type RenderedPost = { html: string; plaintext: string; wordCount: number };

/** Markdown source → the sanitised HTML, plain text and word count stored with a post. */
export async function renderPostMarkdown(markdown: string): Promise<RenderedPost> {
  // The validations refuse this first; here too, so no path reaches the parser with it.
  if (markdownTooDeep(markdown))
    throw new AppError("invalid_input", MARKDOWN_TOO_DEEP, { markdown: [MARKDOWN_TOO_DEEP] });
  const postProcessor = await getProcessor();
  try {
    const tree = postProcessor.parse(markdown);
    const plaintext = textOf(tree as MdNode)
      .replace(/\s+/g, " ")
      .trim();
    const html = String(postProcessor.stringify(await postProcessor.run(tree)));
    return { html, plaintext, wordCount: countWords(plaintext) };
  } catch (error) {
    // A nesting the check above did not foresee: a clear refusal, not an internal error.
    if (error instanceof RangeError)
      throw new AppError("invalid_input", MARKDOWN_TOO_DEEP, { markdown: [MARKDOWN_TOO_DEEP] });
    throw error;
  }
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
