// The one shape every import format parses into. Parsers stream their file and yield
// these items one by one; the writer stages them before touching the site (write.ts).
// Ids are the source's own, made unique within the source (a WordPress site URL plus
// post id, a Ghost ObjectId, a Blogger tag URI), so a re-import finds what it made.

export const IMPORT_FORMATS = ["wordpress", "ghost", "blogger", "markdown", "quire"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Staff roles an import may give: never "owner" (a site has exactly one, made at setup). */
export type ImportRole = "admin" | "editor" | "author" | "contributor";

export type ImportAuthor = {
  kind: "author";
  sourceId: string;
  name: string;
  email: string | null;
  role: ImportRole;
  bio?: string;
  /** The slug wanted (Quire exports name staff by slug); else one is made from the name. */
  slug?: string;
};

export type ImportTag = {
  kind: "tag";
  sourceId: string;
  name: string;
  slug?: string;
  description?: string;
  /** Archive addresses on the old site ("/category/news/", "/tag/x/"). */
  oldPaths: string[];
};

/** Source content: HTML (WordPress, Ghost, Blogger) or Markdown (front-matter files). */
export type ImportBody = { format: "html" | "markdown"; text: string };

export type ImportPost = {
  kind: "post";
  sourceId: string;
  type: "post" | "page";
  title: string;
  slug: string;
  body: ImportBody;
  excerpt: string | null;
  status: "draft" | "review" | "scheduled" | "published";
  publishedAt: Date | null;
  authorSourceId: string | null;
  /** Tag source ids, primary first. */
  tagSourceIds: string[];
  featured: boolean;
  featureImage: string | null;
  /** A media item's source id (WordPress `_thumbnail_id`), resolved at write time. */
  featureImageRef?: string;
  featureImageAlt?: string | null;
  seo?: Partial<
    Record<
      | "metaTitle"
      | "metaDescription"
      | "canonicalUrl"
      | "ogTitle"
      | "ogDescription"
      | "ogImage"
      | "twitterTitle"
      | "twitterDescription"
      | "twitterImage",
      string
    >
  >;
  commentsOpen: boolean;
  /** A parent page's source id (WordPress pages); pages are flattened, see write.ts. */
  parentSourceId?: string;
  /** Old addresses (paths with an optional query: "/2019/05/slug/", "/?p=12"). */
  oldPaths: string[];
  /** Said in the report about this item (a private post made a draft, say). */
  notes: string[];
  /** Quire exports carry these; other formats leave them to the writer (created = published). */
  createdAt?: Date;
  updatedAt?: Date;
  /** In the trash since then (a Quire export's trashed posts). */
  deletedAt?: Date | null;
};

export type ImportComment = {
  kind: "comment";
  sourceId: string;
  postSourceId: string;
  parentSourceId: string | null;
  /** Spam and trash come only from Quire exports (the blog importers skip them). */
  status: "approved" | "pending" | "spam" | "trash";
  commentKind: "comment" | "trackback" | "pingback";
  authorName: string;
  authorEmail: string | null;
  authorUrl: string | null;
  createdAt: Date;
  /** The comment's body as HTML (all three blog formats store HTML). */
  html: string;
  /** The Markdown source, when the format has it (Quire): used instead of converting the HTML. */
  markdown?: string;
  updatedAt?: Date;
  approvedAt?: Date | null;
  notifyReplies?: boolean;
};

/** An old address of the source site (Quire exports list them): `to` is remapped when it is an
 * imported post whose slug changed. */
export type ImportRedirect = {
  kind: "redirect";
  /** The old path: one redirect per path. */
  sourceId: string;
  to: string;
  /** The post or page `to` is the address of, if any. */
  targetSourceId?: string;
};

/** Site settings the source carries (Quire exports): only keys the site never set are written. */
export type ImportSettings = { kind: "settings"; sourceId: string; values: Record<string, unknown> };

/** A file the source refers to (a WordPress attachment, a Ghost feature image). */
export type ImportMedia = {
  kind: "media";
  sourceId: string;
  url: string;
  title?: string;
  /** The post it is attached to (a WordPress [gallery] without ids shows these). */
  parentSourceId?: string;
};

/** Something deliberately not imported, with the reason the report gives. */
export type ImportSkipped = { kind: "skipped"; what: string; sourceId: string; reason: string };

export type ImportWarning = { kind: "warning"; message: string };

export type ImportItem =
  | ImportAuthor
  | ImportTag
  | ImportPost
  | ImportComment
  | ImportMedia
  | ImportRedirect
  | ImportSettings
  | ImportSkipped
  | ImportWarning;

/** What a parser yields, plus how far through its input it is (for the progress bar). */
export type ImportSource = {
  format: ImportFormat;
  items: AsyncIterable<ImportItem>;
  /** Bytes of input read so far, and the total. */
  position(): { done: number; total: number };
  /** A folder of media files the source brought (a Quire export zip), used like --media. */
  mediaDir?: () => string | undefined;
  /** Removes what the source unpacked, once the import is over. */
  close?: () => Promise<void>;
};

/** A refusal of the input itself: the message is for the person importing. */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportError";
  }
}
