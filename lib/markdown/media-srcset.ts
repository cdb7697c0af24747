// Gives images uploaded to /media/ a `srcset` of their resized WebP copies. Runs after
// the sanitiser: it only adds attributes it builds itself from a strictly matched URL.
export const VARIANT_WIDTHS = [640, 1280, 2048] as const;

type Node = { type: string; tagName?: string; properties?: Record<string, unknown>; children?: Node[] };

// "/media/2026/11/3f9a0c-w1600.png": the original's width is part of its generated name.
const UPLOADED = /^\/media\/((?:[a-z0-9]+\/)*[a-z0-9]+)-w(\d{1,5})\.(?:jpg|png|webp|gif|avif)$/;

export function srcsetFor(src: string): string | null {
  const match = UPLOADED.exec(src);
  if (!match) return null;
  const [, base, widthText] = match;
  const width = Number(widthText);
  const candidates = VARIANT_WIDTHS.filter((w) => w < width).map((w) => `/media/${base}-${w}.webp ${w}w`);
  return candidates.length ? [...candidates, `${src} ${width}w`].join(", ") : null;
}

/**
 * The smallest copy of an uploaded image, for list thumbnails: the narrowest WebP variant, or the
 * original when it is narrower than every variant. Null for anything not uploaded here (an imported
 * post's feature image on another host), so admin lists load nothing from elsewhere.
 */
export function smallestCopyOf(src: string): string | null {
  const match = UPLOADED.exec(src);
  if (!match) return null;
  const [, base, widthText] = match;
  return Number(widthText) > VARIANT_WIDTHS[0] ? `/media/${base}-${VARIANT_WIDTHS[0]}.webp` : src;
}

function visit(node: Node) {
  if (node.type === "element" && node.tagName === "img" && typeof node.properties?.src === "string") {
    const srcset = srcsetFor(node.properties.src);
    if (srcset) {
      node.properties.srcSet = srcset;
      node.properties.sizes = "(min-width: 48rem) 48rem, 100vw";
    }
    node.properties.loading = "lazy";
  }
  node.children?.forEach(visit);
}

/** The unified plugin: `.use(rehypeMediaSrcset)` after `rehypeSanitize`. */
export default function rehypeMediaSrcset() {
  return (tree: Node) => visit(tree);
}
