import rehypeSanitize, { type Options as SanitizeSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { AppError } from "../errors";
import { MARKDOWN_TOO_DEEP, markdownTooDeep } from "../markdown/limits";

// The comment subset of Markdown, its own pipeline (not the post renderer): emphasis,
// links, code, quotes, lists. Raw HTML is never parsed into the tree (remark-rehype
// without allowDangerousHtml); headings and images are turned into plain paragraphs
// and text before rendering; and the result passes a strict allowlist anyway.

type Node = {
  type: string;
  value?: string;
  url?: string;
  alt?: string;
  children?: Node[];
  depth?: number;
  properties?: Record<string, unknown>;
  tagName?: string;
};

/** mdast: images become their alt text, headings plain paragraphs, tables and html plain text. */
function remarkCommentSubset() {
  return (tree: Node) => {
    const visit = (node: Node) => {
      if (!node.children) return;
      node.children = node.children.map((child) => {
        if (child.type === "image" || child.type === "imageReference") return { type: "text", value: child.alt ?? "" };
        if (child.type === "heading") return { type: "paragraph", children: child.children };
        if (child.type === "html") return { type: "text", value: child.value ?? "" };
        if (child.type === "thematicBreak") return { type: "paragraph", children: [{ type: "text", value: "---" }] };
        return child;
      });
      node.children.forEach(visit);
    };
    visit(tree);
  };
}

/** hast: every link gets rel="nofollow ugc noopener"; the sanitiser has already dropped unsafe hrefs. */
function rehypeCommentLinks() {
  return (tree: Node) => {
    const visit = (node: Node) => {
      if (node.type === "element" && node.tagName === "a") {
        if (typeof node.properties?.href !== "string") {
          node.tagName = "span"; // a link whose scheme was removed is just its text
          node.properties = {};
        } else {
          node.properties = { href: node.properties.href, rel: ["nofollow", "ugc", "noopener"] };
        }
      }
      node.children?.forEach(visit);
    };
    visit(tree);
  };
}

const COMMENT_SCHEMA: SanitizeSchema = {
  tagNames: ["p", "br", "em", "strong", "del", "a", "code", "pre", "blockquote", "ul", "ol", "li", "span"],
  attributes: { a: ["href"], ol: ["start"], code: [["className", /^language-[\w-]+$/]] },
  protocols: { href: ["http", "https", "mailto"] },
  strip: ["script", "style"],
  clobberPrefix: "",
  allowComments: false,
  allowDoctypes: false,
};

const processor = unified()
  .use(remarkParse)
  .use(remarkCommentSubset)
  .use(remarkRehype)
  .use(rehypeSanitize, COMMENT_SCHEMA)
  .use(rehypeCommentLinks)
  .use(rehypeStringify);

/** Comment Markdown → the sanitised HTML stored beside it. */
export async function renderCommentMarkdown(markdown: string): Promise<string> {
  // The validations refuse this first; checked here too, and a stack overflow the check
  // did not foresee becomes the same clear refusal.
  const refuse = () => new AppError("invalid_input", MARKDOWN_TOO_DEEP, { body: [MARKDOWN_TOO_DEEP] });
  if (markdownTooDeep(markdown)) throw refuse();
  try {
    return String(await processor.process(markdown)).trim();
  } catch (error) {
    throw error instanceof RangeError ? refuse() : error;
  }
}

/** How many links a body has, counting bare addresses too: the policy holds comments past a limit. */
export function countLinks(markdown: string): number {
  return (markdown.match(/https?:\/\/|mailto:|(?<![\/\w.])www\./gi) ?? []).length;
}

/** The hostnames a body links to, for the spam score's memory of spammy domains. */
export function linkDomains(markdown: string): string[] {
  const hosts = new Set<string>();
  for (const match of markdown.matchAll(/https?:\/\/([a-z0-9.-]+)/gi))
    hosts.add(match[1]!.toLowerCase().replace(/^www\./, ""));
  return [...hosts].slice(0, 20);
}
