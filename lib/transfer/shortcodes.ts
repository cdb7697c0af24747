// WordPress content as stored: paragraphs as blank lines (wpautop runs at display
// time) and shortcodes. Both are turned into plain HTML before conversion, so the
// Markdown says what the old page showed. Unknown shortcodes stay as visible text.

export type MediaLookup = {
  /** An attachment's URL by its source id. */
  url(sourceId: string): string | null;
  /** The attachments of a post (a [gallery] without ids shows those). */
  attachedTo(postSourceId: string): { url: string; title: string }[];
  /** The attachment source id of a WordPress id in this post's site ("123" → "…#post:123"). */
  idFor(wordpressId: string): string;
};

const BLOCK =
  /^<\/?(?:p|div|h[1-6]|ul|ol|li|blockquote|pre|table|figure|hr|dl|section|article|aside|header|footer|nav|form|details|address|fieldset|iframe|script|style|!--)/i;

// Open and close tags of the blocks a list or table is made of, each put on its own paragraph.
const BLOCK_TAG = /(<\/?(?:ul|ol|table|blockquote|div|figure|hr|dl)\b[^>]*>)/gi;
// A heading holds its own text: the whole heading is one paragraph (its tags split from their
// text made "<h2><p>Title</p></h2>", an empty heading above a paragraph once converted).
const HEADING = /<h([1-6])\b[^>]*>[\s\S]*?<\/h\1>/gi;

function escapeHtml(text: string): string {
  return text
    .replace(/&(?!#?\w+;)/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

function attr(attrs: string, name: string): string | null {
  const match = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s\\]]+))`, "i").exec(attrs);
  return match ? (match[1] ?? match[2] ?? match[3] ?? "") : null;
}

function link(url: string, label = url): string {
  return `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>`;
}

/** A simple wpautop: blank lines make paragraphs and single newlines breaks, outside block tags. */
export function autop(html: string): string {
  if (/<p[\s>]/i.test(html)) return html;
  // Preformatted text keeps its blank lines: set aside while paragraphs are made.
  const kept: string[] = [];
  const withoutPre = html.replace(/<pre\b[\s\S]*?<\/pre>/gi, (block) => `\n\n\u0000${kept.push(block) - 1}\u0000\n\n`);
  return withoutPre
    .replace(BLOCK_TAG, "\n\n$1\n\n")
    .replace(HEADING, (heading) => `\n\n${heading.replace(/\s*\n\s*/g, " ")}\n\n`)
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter(Boolean)
    .map((chunk) => {
      const pre = /^\u0000(\d+)\u0000$/.exec(chunk);
      if (pre) return kept[Number(pre[1])]!;
      return BLOCK.test(chunk) ? chunk : `<p>${chunk.replace(/\n/g, "<br>\n")}</p>`;
    })
    .join("\n\n");
}

/** [caption], [gallery], [embed], [code]/[sourcecode], [audio]/[video] → HTML. */
export function expandShortcodes(html: string, postSourceId: string, media: MediaLookup, warnings: string[]): string {
  return html
    .replace(/\[(code|sourcecode)([^\]]*)\]([\s\S]*?)\[\/\1\]/gi, (_, _name, attrs: string, code: string) => {
      const language = (attr(attrs, "lang") ?? attr(attrs, "language") ?? "").replace(/[^\w+-]/g, "");
      const cls = language ? ` class="language-${language}"` : "";
      return `<pre><code${cls}>${escapeHtml(code.replace(/^\n/, ""))}</code></pre>`;
    })
    .replace(/\[caption([^\]]*)\]([\s\S]*?)\[\/caption\]/gi, (_, attrs: string, inner: string) => {
      const image = /^\s*(<a\b[^>]*>\s*<img\b[^>]*>\s*<\/a>|<img\b[^>]*>)/i.exec(inner);
      const caption = (image ? inner.slice(image[0].length) : inner).trim() || attr(attrs, "caption") || "";
      return `<figure>${image?.[1] ?? ""}<figcaption>${caption}</figcaption></figure>`;
    })
    .replace(/\[embed([^\]]*)\]([\s\S]*?)\[\/embed\]/gi, (_, _attrs, url: string) => `<p>${link(url.trim())}</p>`)
    .replace(/\[(audio|video)([^\]]*)\](?:[\s\S]*?\[\/\1\])?/gi, (whole, kind: string, attrs: string) => {
      const url = /(?:src|mp3|mp4|m4a|ogg|wav|webm|m4v|ogv|wmv|flv)\s*=\s*["']?([^"'\s\]]+)/i.exec(attrs)?.[1];
      return url ? `<p>${link(url, `${kind}: ${url}`)}</p>` : whole;
    })
    .replace(/\[gallery([^\]]*)\]/gi, (_, attrs: string) => {
      const ids = attr(attrs, "ids");
      const images = ids
        ? ids
            .split(",")
            .map((id) => media.url(media.idFor(id.trim())))
            .filter((url): url is string => !!url)
            .map((url) => ({ url, title: "" }))
        : media.attachedTo(postSourceId);
      if (images.length === 0) {
        warnings.push("a [gallery] whose images are not in the export");
        return "<p>[gallery: its images were not in the export]</p>";
      }
      return `<p>${images.map((image) => `<a href="${escapeHtml(image.url)}"><img src="${escapeHtml(image.url)}" alt="${escapeHtml(image.title)}"></a>`).join(" ")}</p>`;
    });
}
