import "server-only";
import {
  authorsByIds,
  browsePublicAuthors,
  browsePublicPosts,
  browsePublicTags,
  FilterFieldError,
  filterToSql,
  parseOrder,
  readPublicPost,
  tagsForPosts,
} from "@/db/queries/content-api";
import { getSettings } from "@/db/queries/settings";
import { siteUrl } from "../env";
import { authenticateContentKey } from "../integrations/new-keys";
import { NqlError, parseNql } from "./nql";
import { type BrowseParams, parseBrowseParams } from "./params";
import { apiError, jsonWithEtag } from "./respond";
import { serializeAuthor, serializePost, serializeTag } from "./serialize";

// The Content API's endpoints, shared by the native (/api/v1, open) and the
// Ghost-compatible (/ghost/api/content, needs a Content key) routes.

export const RESOURCES = ["posts", "pages", "tags", "authors"] as const;
export type Resource = (typeof RESOURCES)[number];
type Options = { requireKey: boolean };

/**
 * The most rows one `limit=all` answer holds. Uncapped, 100,000 posts made one answer of
 * hundreds of MB that took seconds of the only event loop and its memory (README, Content
 * API): `all` now means pages of this many, with `meta.pagination.next` as usual.
 */
export const ALL_LIMIT = 1000;

const rowsPerPage = (params: Pick<BrowseParams, "limit">) => (params.limit === "all" ? ALL_LIMIT : params.limit);

export function window(params: BrowseParams) {
  const limit = rowsPerPage(params);
  return { limit, offset: (params.page - 1) * limit };
}

export function pagination(params: BrowseParams, total: number) {
  const pages = Math.max(1, Math.ceil(total / rowsPerPage(params)));
  return {
    pagination: {
      page: params.page,
      limit: params.limit,
      pages,
      total,
      next: params.page < pages ? params.page + 1 : null,
      prev: params.page > 1 ? params.page - 1 : null,
    },
  };
}

function groupByPost<T extends { postId: number }>(items: T[]): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) groups.set(item.postId, [...(groups.get(item.postId) ?? []), item]);
  return groups;
}

/** Serialised posts with the relations `include` asks for (also used by the Admin API and webhooks). */
export async function postsWithRelations(
  rows: NonNullable<Awaited<ReturnType<typeof readPublicPost>>>[],
  params: Pick<BrowseParams, "include" | "formats" | "fields">,
) {
  const include = new Set(params.include ?? []);
  const ids = rows.map((row) => row.id);
  const tags = include.has("tags") ? groupByPost(await tagsForPosts(ids)) : undefined;
  const authors = include.has("authors")
    ? new Map((await authorsByIds([...new Set(rows.map((row) => row.authorId))])).map((author) => [author.id, author]))
    : undefined;
  const context = { formats: new Set(params.formats ?? ["html"]), fields: params.fields, tags, authors };
  return rows.map((row) => serializePost(row, context));
}

/** Parses and checks what every request shares: parameters and, for Ghost, the key. */
async function prepare(request: Request, options: Options) {
  const url = new URL(request.url);
  const parsed = parseBrowseParams(url.searchParams);
  if (!parsed.ok) return { error: apiError(400, parsed.message) };
  if (options.requireKey && !(await authenticateContentKey(parsed.params.key ?? null))) {
    return { error: apiError(401, "Unknown Content API Key", "Pass a valid Content API key as ?key=.") };
  }
  return { params: parsed.params };
}

export async function browse(request: Request, resource: Resource, options: Options): Promise<Response> {
  const { params, error } = await prepare(request, options);
  if (error) return error;
  try {
    if (resource === "posts" || resource === "pages") {
      const filter = params.filter ? filterToSql(parseNql(params.filter)) : undefined;
      const order = parseOrder(params.order);
      const type = resource === "posts" ? "post" : "page";
      const { rows, total } = await browsePublicPosts({ type, filter, order, ...window(params) });
      return jsonWithEtag(request, {
        [resource]: await postsWithRelations(rows, params),
        meta: pagination(params, total),
      });
    }
    if (params.filter) return apiError(400, `filter is supported on posts and pages, not on ${resource}.`);
    if (resource === "tags") {
      const { rows, total } = await browsePublicTags(window(params));
      return jsonWithEtag(request, { tags: rows.map(serializeTag), meta: pagination(params, total) });
    }
    const { rows, total } = await browsePublicAuthors(window(params));
    return jsonWithEtag(request, { authors: rows.map(serializeAuthor), meta: pagination(params, total) });
  } catch (caught) {
    if (caught instanceof NqlError || caught instanceof FilterFieldError) return apiError(400, caught.message);
    throw caught;
  }
}

export async function read(
  request: Request,
  resource: Resource,
  by: "id" | "slug",
  value: string,
  options: Options,
): Promise<Response> {
  const { params, error } = await prepare(request, options);
  if (error) return error;
  if (value.length > 200 || (by === "id" && !/^\d{1,15}$/.test(value))) return apiError(404, `${resource} not found.`);
  if (resource === "posts" || resource === "pages") {
    const row = await readPublicPost({ type: resource === "posts" ? "post" : "page", by, value });
    if (!row) return apiError(404, `${resource === "posts" ? "Post" : "Page"} not found.`);
    return jsonWithEtag(request, { [resource]: await postsWithRelations([row], params) });
  }
  const lookup = { limit: null, offset: 0, ...(by === "slug" ? { slug: value } : { id: Number(value) }) };
  if (resource === "tags") {
    const [tag] = (await browsePublicTags(lookup)).rows;
    return tag ? jsonWithEtag(request, { tags: [serializeTag(tag)] }) : apiError(404, "Tag not found.");
  }
  const [author] = (await browsePublicAuthors(lookup)).rows;
  return author ? jsonWithEtag(request, { authors: [serializeAuthor(author)] }) : apiError(404, "Author not found.");
}

export async function settings(request: Request, options: Options): Promise<Response> {
  const { error } = await prepare(request, options);
  if (error) return error;
  const site = await getSettings();
  return jsonWithEtag(request, {
    settings: {
      title: site.title,
      description: site.description,
      logo: null,
      icon: null,
      accent_color: null,
      cover_image: null,
      lang: "en",
      timezone: site.timezone,
      navigation: [],
      secondary_navigation: [],
      codeinjection_head: null,
      codeinjection_foot: null,
      url: `${siteUrl()}/`,
    },
    meta: {},
  });
}
