import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { PassThrough, type Readable } from "node:stream";
import type yauzl from "yauzl";
import { z } from "zod";
import { checkedEntries, openZip, readEntry } from "./markdown-files";
import { ImportError, type ImportItem, type ImportRole, type ImportSource } from "./shape";

// Quire's own export (docs/export-format.md) read back: "quire-export" version 1, as a
// .json file or a zip (quire-export.json and media/<storage_key>). The exporter writes one
// record per line (quire-json.ts), so the file is read line by line and never held whole.
// A file re-indented by another tool has lost that layout: it is then parsed whole, up to
// a size limit. Source ids are the export's site URL plus the record's id (slug for staff
// and tags), so importing the same export again finds what the first import made.

export const QUIRE_DOCUMENT = "quire-export.json";
const SUPPORTED_VERSION = 1;
/** A re-indented export is parsed whole: past this size it is refused instead. */
const MAX_WHOLE_BYTES = 256 * 1024 * 1024;

const date = z.iso.datetime({ offset: true }).transform((value) => new Date(value));
const nullableDate = date.nullable().optional();
const text = z.string().max(1_000_000);
const maybe = text.nullable().optional();

const headerSchema = z.object({
  format: z.literal("quire-export"),
  version: z.number().int(),
  site: z.object({ url: z.string().max(500) }),
  settings: z.record(z.string(), z.unknown()).optional(),
});

// Only settings that change how the site reads; nothing here concerns signing in.
const settingsSchema = z
  .object({
    title: z.string().min(1).max(120),
    description: z.string().max(300),
    timezone: z.string().max(100),
    postsPerPage: z.number().int().min(1).max(100),
    navigation: z.array(z.object({ label: z.string().max(100), url: z.string().max(500) })).max(50),
    logoUrl: z.string().max(500).nullable(),
    feedFullContent: z.boolean(),
    commentPolicy: z.enum(["hold_all", "hold_first_time", "publish"]),
    commentLinkLimit: z.number().int().min(0).max(50),
    commentCloseAfterDays: z.number().int().min(0).max(3650),
    commentMinLength: z.number().int().min(0).max(100_000),
    commentMaxLength: z.number().int().min(1).max(100_000),
    bannedWords: z.array(z.string().max(200)).max(10_000),
  })
  .partial();

const staffSchema = z.object({
  name: text,
  email: z.string().max(254).nullable(),
  slug: z.string().min(1).max(200),
  bio: maybe,
  role: z.enum(["owner", "admin", "editor", "author", "contributor"]),
});

const tagSchema = z.object({ name: text, slug: z.string().min(1).max(200), description: maybe });

const mediaSchema = z.object({ id: z.number().int(), path: z.string().max(2000) });

const staffRef = z.object({ slug: z.string() }).nullable().optional();

const postSchema = z.object({
  id: z.number().int(),
  type: z.enum(["post", "page"]),
  title: text,
  slug: z.string().max(500),
  path: z.string().max(600).optional(),
  status: z.enum(["draft", "review", "scheduled", "published"]),
  trashed: z.boolean().optional(),
  deleted_at: nullableDate,
  published_at: nullableDate,
  created_at: nullableDate,
  updated_at: nullableDate,
  author: staffRef,
  featured: z.boolean(),
  comments_open: z.boolean(),
  custom_excerpt: maybe,
  feature_image: maybe,
  feature_image_alt: maybe,
  tags: z.array(z.string()),
  seo: z.record(z.string(), z.string().max(2000).nullable()).optional(),
  markdown: z.string(),
});

const redirectSchema = z.object({ from_path: z.string().max(2000), to_path: z.string().max(2000) });

const commentSchema = z.object({
  id: z.number().int(),
  post_id: z.number().int(),
  parent_id: z.number().int().nullable(),
  status: z.enum(["pending", "approved", "spam", "trash"]),
  kind: z.enum(["comment", "trackback", "pingback"]).optional(),
  created_at: date,
  updated_at: nullableDate,
  approved_at: nullableDate,
  author: z.object({
    name: text,
    website: maybe,
    personal_data: z.object({ email: maybe, notify_replies: z.boolean().optional() }).optional(),
  }),
  markdown: z.string(),
  html: z.string(),
});

const SEO_FIELDS = {
  meta_title: "metaTitle",
  meta_description: "metaDescription",
  canonical_url: "canonicalUrl",
  og_title: "ogTitle",
  og_description: "ogDescription",
  og_image: "ogImage",
  twitter_title: "twitterTitle",
  twitter_description: "twitterDescription",
  twitter_image: "twitterImage",
} as const;

const LISTS = ["staff", "tags", "media", "posts", "pages", "redirects", "comments", "revisions"] as const;
type ListName = (typeof LISTS)[number];

/** The writer reads titles, names and excerpts as HTML (blog exports hold HTML there); Quire's are
 * plain text, so "<tricks>" in a title is escaped to stay text rather than vanish as a tag. */
function asHtml(value: string): string;
function asHtml(value: string | null | undefined): string | null;
function asHtml(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Whether a file's first bytes are a Quire export (detect.ts). */
export function looksLikeQuireExport(head: string): boolean {
  return /^\{\s*"format"\s*:\s*"quire-export"/.test(head);
}

export async function readQuire(file: string): Promise<ImportSource> {
  const total = fs.statSync(file).size;
  let done = 0;
  const isZip = (() => {
    const fd = fs.openSync(file, "r");
    const head = Buffer.alloc(2);
    try {
      fs.readSync(fd, head, 0, 2, 0);
    } finally {
      fs.closeSync(fd);
    }
    return head[0] === 0x50 && head[1] === 0x4b;
  })();
  if (!isZip) {
    const lines = () => {
      const stream = fs.createReadStream(file);
      stream.on("data", (chunk) => (done += chunk.length));
      return stream;
    };
    return { format: "quire", items: parse(lines, total), position: () => ({ done, total }) };
  }
  const unpacked = await unpackZip(file);
  return {
    format: "quire",
    items: parse(() => unpacked.document(), total),
    position: () => ({ done: unpacked.read(), total }),
    mediaDir: () => unpacked.dir,
    close: async () => {
      unpacked.close();
      await fs.promises.rm(unpacked.dir, { recursive: true, force: true });
    },
  };
}

/** A Quire export zip: its media files unpacked to a temporary folder (each checked as the Markdown
 * importer checks zips), and its document streamed from the zip. */
async function unpackZip(file: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "quire-import-zip-"));
  const zip = await openZip(file);
  let documentEntry: yauzl.Entry | undefined;
  let read = 0;
  try {
    for (const entry of await checkedEntries(zip)) {
      if (entry.fileName === QUIRE_DOCUMENT) documentEntry = entry;
      else if (entry.fileName.startsWith("media/") && !entry.fileName.endsWith("/")) {
        const target = path.join(dir, entry.fileName);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, await readEntry(zip, entry));
      }
    }
  } catch (error) {
    zip.close();
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  if (!documentEntry) {
    zip.close();
    fs.rmSync(dir, { recursive: true, force: true });
    throw new ImportError(`The zip holds no ${QUIRE_DOCUMENT}: it is not a Quire export.`);
  }
  const entry = documentEntry;
  return {
    dir,
    read: () => read,
    close: () => {
      if (zip.isOpen) zip.close();
    },
    document: (): Readable => {
      // yauzl opens entries with a callback: a pass-through stream bridges it to readline.
      const out = new PassThrough();
      zip.openReadStream(entry, (error, stream) => {
        if (error) return out.destroy(new ImportError(`${QUIRE_DOCUMENT} cannot be read: ${error.message}.`));
        stream.on("data", (chunk: Buffer) => (read += chunk.length));
        stream.on("error", (streamError) => out.destroy(streamError));
        stream.pipe(out);
      });
      return out;
    },
  };
}

/** "  "posts": [" (or "  "posts": []"): a list opening in the exporter's layout. */
const LIST_START = /^ {2}"([a-z_]+)": \[(\])?,?$/;
const LIST_END = /^ {2}\],?$/;

async function* parse(open: () => Readable, total: number): AsyncGenerator<ImportItem> {
  const input = open();
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next();
  const second = await iterator.next();
  const streamed = first.value === "{" && typeof second.value === "string" && /^ {2}"format": /.test(second.value);
  if (!streamed) {
    lines.close();
    input.destroy();
    yield* parseWhole(open, total);
    return;
  }
  const reader = new RecordReader();
  const header: string[] = [first.value, second.value];
  let list: string | null = null;
  let lineNumber = 2;
  let headerDone = false;
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
    const line = next.value;
    lineNumber++;
    const start = LIST_START.exec(line);
    if (list === null && start) {
      if (!headerDone) {
        yield* reader.header(parseJson(`${header.join("\n").replace(/,\s*$/, "")}\n}`, 1));
        headerDone = true;
      }
      list = start[2] ? null : start[1]!;
      continue;
    }
    if (!headerDone) {
      header.push(line);
      continue;
    }
    if (list === null) {
      if (line === "}" || line === "") continue;
      throw new ImportError(`Line ${lineNumber} is not where the Quire export's layout puts a list.`);
    }
    if (LIST_END.test(line)) {
      list = null;
      continue;
    }
    yield* reader.record(list, parseJson(line.trim().replace(/,$/, ""), lineNumber), lineNumber);
  }
  if (!headerDone) throw new ImportError("The Quire export ends before its first list.");
}

/** A Quire export without the exporter's layout (re-indented, minified): parsed whole. */
async function* parseWhole(open: () => Readable, total: number): AsyncGenerator<ImportItem> {
  if (total > MAX_WHOLE_BYTES)
    throw new ImportError(
      `This Quire export is not laid out one record per line, and at over ${MAX_WHOLE_BYTES / 1024 / 1024} MB it is too large to read whole: export it again with Quire.`,
    );
  const chunks: Buffer[] = [];
  for await (const chunk of open()) chunks.push(chunk as Buffer);
  const document = parseJson(Buffer.concat(chunks).toString("utf8"), 1) as Record<string, unknown>;
  const reader = new RecordReader();
  yield* reader.header(document);
  for (const list of LISTS) {
    const records = document[list];
    if (records === undefined) continue;
    if (!Array.isArray(records)) throw new ImportError(`“${list}” in the Quire export is not a list.`);
    for (const [index, record] of records.entries()) yield* reader.record(list, record, index + 1);
  }
}

function parseJson(textValue: string, line: number): unknown {
  try {
    return JSON.parse(textValue);
  } catch (error) {
    throw new ImportError(`Line ${line} of the Quire export is not valid JSON: ${(error as Error).message}.`);
  }
}

function check<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new ImportError(`${where}: “${issue.path.join(".") || "(record)"}” ${issue.message.toLowerCase()}.`);
}

/** Turns the export's records into import items; holds only the post addresses (for redirects). */
class RecordReader {
  private prefix = "";
  private readonly postByPath = new Map<string, string>();

  *header(value: unknown): Generator<ImportItem> {
    const version = (value as { version?: unknown } | null)?.version;
    if ((value as { format?: unknown } | null)?.format === "quire-export" && version !== SUPPORTED_VERSION)
      throw new ImportError(
        `This is a Quire export of version ${String(version)}; this Quire reads version ${SUPPORTED_VERSION} only. Import it with the Quire that wrote it, or a newer one.`,
      );
    const header = check(headerSchema, value, "The Quire export's header");
    this.prefix = `${header.site.url}#`;
    const settings = settingsSchema.safeParse(
      Object.fromEntries(Object.entries(header.settings ?? {}).filter(([key]) => key in settingsSchema.shape)),
    );
    if (settings.success) yield { kind: "settings", sourceId: "settings", values: settings.data };
    else
      yield {
        kind: "warning",
        message: `The export's settings were not imported: ${settings.error.issues[0]!.path.join(".")} is not a valid value.`,
      };
  }

  *record(list: string, value: unknown, line: number): Generator<ImportItem> {
    if (!(LISTS as readonly string[]).includes(list)) return; // a list added by a later Quire: ignored
    const where = `Record ${line} of “${list}” in the Quire export`;
    const p = this.prefix;
    switch (list as ListName) {
      case "staff": {
        const staff = check(staffSchema, value, where);
        // The site has its owner already: an exported owner becomes an administrator (or, with the
        // same e-mail, is matched to an existing member).
        const role: ImportRole = staff.role === "owner" ? "admin" : staff.role;
        yield {
          kind: "author",
          sourceId: `${p}staff:${staff.slug}`,
          name: asHtml(staff.name),
          email: staff.email,
          role,
          bio: asHtml(staff.bio) ?? undefined,
          slug: staff.slug,
        };
        return;
      }
      case "tags": {
        const tag = check(tagSchema, value, where);
        yield {
          kind: "tag",
          sourceId: `${p}tag:${tag.slug}`,
          name: asHtml(tag.name),
          slug: tag.slug,
          description: asHtml(tag.description) ?? undefined,
          oldPaths: [],
        };
        return;
      }
      case "media": {
        const media = check(mediaSchema, value, where);
        yield { kind: "media", sourceId: `${p}media:${media.id}`, url: media.path };
        return;
      }
      case "posts":
      case "pages": {
        const post = check(postSchema, value, where);
        const sourceId = `${p}post:${post.id}`;
        this.postByPath.set(post.path ?? `/${post.slug}`, sourceId);
        const seo = Object.fromEntries(
          Object.entries(SEO_FIELDS).flatMap(([field, name]) =>
            post.seo?.[field] ? [[name, asHtml(post.seo[field])]] : [],
          ),
        );
        yield {
          kind: "post",
          sourceId,
          type: post.type,
          title: asHtml(post.title),
          slug: post.slug,
          body: { format: "markdown", text: post.markdown },
          excerpt: asHtml(post.custom_excerpt),
          status: post.status,
          publishedAt: post.published_at ?? null,
          authorSourceId: post.author ? `${p}staff:${post.author.slug}` : null,
          tagSourceIds: post.tags.map((slug) => `${p}tag:${slug}`),
          featured: post.featured,
          featureImage: post.feature_image ?? null,
          featureImageAlt: asHtml(post.feature_image_alt),
          seo,
          commentsOpen: post.comments_open,
          oldPaths: [],
          notes: post.trashed ? ["in the trash, as in the export"] : [],
          createdAt: post.created_at ?? undefined,
          updatedAt: post.updated_at ?? undefined,
          deletedAt: post.trashed ? (post.deleted_at ?? new Date()) : null,
        };
        return;
      }
      case "redirects": {
        const redirect = check(redirectSchema, value, where);
        yield {
          kind: "redirect",
          sourceId: redirect.from_path,
          to: redirect.to_path,
          targetSourceId: this.postByPath.get(redirect.to_path),
        };
        return;
      }
      case "comments": {
        const comment = check(commentSchema, value, where);
        yield {
          kind: "comment",
          sourceId: `${p}comment:${comment.id}`,
          postSourceId: `${p}post:${comment.post_id}`,
          parentSourceId: comment.parent_id === null ? null : `${p}comment:${comment.parent_id}`,
          status: comment.status,
          commentKind: comment.kind ?? "comment",
          authorName: asHtml(comment.author.name),
          authorEmail: comment.author.personal_data?.email ?? null,
          authorUrl: comment.author.website ?? null,
          createdAt: comment.created_at,
          updatedAt: comment.updated_at ?? undefined,
          approvedAt: comment.approved_at ?? null,
          notifyReplies: comment.author.personal_data?.notify_replies ?? false,
          html: comment.html,
          markdown: comment.markdown,
        };
        return;
      }
      case "revisions": {
        const id = (value as { id?: unknown } | null)?.id;
        yield {
          kind: "skipped",
          what: `revision ${String(id)}`,
          sourceId: `${p}revision:${String(id)}`,
          reason: "revisions are not imported: each post comes in as its latest version",
        };
        return;
      }
    }
  }
}
