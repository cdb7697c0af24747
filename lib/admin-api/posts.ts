import "server-only";
import { type AdminPostRow, browseAdminPosts, readAdminPost } from "@/db/queries/admin-api";
import { FilterFieldError, filterToSql, parseOrder } from "@/db/queries/content-api";
import { createPost, getPostForEditor, isPostSlugFree, savePost } from "@/db/queries/post-editor";
import {
  type Changed,
  publishPost,
  purgePost,
  schedulePost,
  trashPost,
  unpublishPost,
} from "@/db/queries/post-workflow";
import type { PostStatus } from "@/db/schema";
import { parseBrowseParams } from "../content-api/params";
import { pagination, postsWithRelations, window } from "../content-api/handlers";
import { apiError } from "../content-api/respond";
import { NqlError, parseNql } from "../content-api/nql";
import { deleteScope, editScope, listScope, publishScope } from "../posts/access";
import { requestedSlug, toEditorFields } from "../posts/input";
import { afterPostsChanged } from "../posts/publishing";
import { slugify } from "../posts/slug";
import { postFieldsSchema } from "../validations/post";
import { apiActor, type ApiUser } from "./auth";
import { type ApiPost, postsBodySchema, toFormFields } from "./post-body";
import { jsonBody, noStore, validationError } from "./reply";

type Kind = "posts" | "pages";
const typeOf = (kind: Kind) => (kind === "posts" ? "post" : "page");

async function serialize(rows: AdminPostRow[], search: URLSearchParams) {
  const formats = (search.get("formats") ?? "html").split(",").filter((f) => f === "html" || f === "plaintext");
  const out = await postsWithRelations(rows, {
    include: ["tags", "authors"],
    formats: formats.length ? formats : ["html"],
  });
  return out.map((post, index) => ({ ...post, status: rows[index]!.status }));
}

export async function browsePosts(request: Request, kind: Kind, user: ApiUser): Promise<Response> {
  const search = new URL(request.url).searchParams;
  const parsed = parseBrowseParams(search);
  if (!parsed.ok) return apiError(400, parsed.message);
  const params = parsed.params;
  try {
    const filter = params.filter ? filterToSql(parseNql(params.filter), true) : undefined;
    const { rows, total } = await browseAdminPosts({
      type: typeOf(kind),
      scope: listScope(user),
      filter,
      order: parseOrder(params.order),
      ...window(params),
    });
    return noStore({ [kind]: await serialize(rows, search), meta: pagination(params, total) });
  } catch (caught) {
    if (caught instanceof NqlError || caught instanceof FilterFieldError) return apiError(400, caught.message);
    throw caught;
  }
}

export async function readPost(
  request: Request,
  kind: Kind,
  by: "id" | "slug",
  value: string,
  user: ApiUser,
): Promise<Response> {
  if (value.length > 200 || (by === "id" && !/^\d{1,15}$/.test(value))) return apiError(404, "Post not found.");
  const row = await readAdminPost({ type: typeOf(kind), by, value, scope: listScope(user) });
  if (!row) return apiError(404, `${kind === "posts" ? "Post" : "Page"} not found.`);
  return noStore({ [kind]: await serialize([row], new URL(request.url).searchParams) });
}

// What a status in the body asks for, checked before anything is written.
function plan(
  input: ApiPost,
  currentStatus: PostStatus,
  user: ApiUser,
): Response | { run: (id: number) => Promise<Changed | null> } {
  const wanted = input.status;
  const nothing = { run: () => Promise.resolve(null) };
  if (!wanted || (wanted === currentStatus && wanted !== "scheduled")) return nothing;
  if (wanted === "draft" && currentStatus !== "published" && currentStatus !== "scheduled") return nothing;
  const scope = publishScope(user);
  if (!scope) return apiError(403, "This integration's role may not publish, schedule or unpublish.");
  const actor = apiActor(user);
  const at = input.published_at ? new Date(input.published_at) : null;
  if (at && Number.isNaN(at.getTime())) return validationError("published_at is not a date.");
  if (wanted === "published")
    return { run: (id) => publishPost({ id, scope, now: at && at.getTime() <= Date.now() ? at : new Date() }, actor) };
  if (wanted === "scheduled") {
    if (!at || at.getTime() <= Date.now())
      return validationError("A scheduled post needs a published_at in the future.");
    return { run: (id) => schedulePost({ id, scope, at }, actor) };
  }
  return { run: (id) => unpublishPost({ id, scope }, actor) };
}

async function editorInput(input: ApiPost, current: Record<string, unknown>, kind: Kind) {
  const form = await toFormFields(input, current);
  const parsed = postFieldsSchema.safeParse({ ...form, type: typeOf(kind), slug: slugify(String(form.slug ?? "")) });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { error: validationError(`${String(issue.path[0] ?? "post")}: ${issue.message}`) };
  }
  return { data: parsed.data };
}

export async function addPost(request: Request, kind: Kind, user: ApiUser): Promise<Response> {
  const body = postsBodySchema.safeParse(await jsonBody(request));
  if (!body.success) return validationError(`Send { ${kind}: [ { title, … } ] }: ${body.error.issues[0]!.message}`);
  const input = body.data.posts[0]!;
  const steps = plan(input, "draft", user);
  if (steps instanceof Response) return steps;
  const prepared = await editorInput(input, { commentsOpen: true }, kind);
  if (prepared.error) return prepared.error;
  const slug = requestedSlug(prepared.data.slug);
  if (slug && !(await isPostSlugFree(slug))) return validationError("Another post or page already uses this slug.");
  const { fields, tags } = await toEditorFields(prepared.data);
  const created = await createPost(
    { type: typeOf(kind), authorId: user.id, slug: slug || slugify(fields.title) || "untitled", fields, tags },
    apiActor(user),
  );
  const changed: Changed[] = [{ id: created.id, slug: created.slug, type: typeOf(kind), tagSlugs: created.tagSlugs }];
  const moved = await steps.run(created.id);
  if (moved) changed.push(moved);
  await afterPostsChanged(changed);
  const row = await readAdminPost({ type: typeOf(kind), by: "id", value: String(created.id), scope: listScope(user) });
  return noStore({ [kind]: row ? await serialize([row], new URL(request.url).searchParams) : [] }, 201);
}

export async function editPost(request: Request, kind: Kind, id: string, user: ApiUser): Promise<Response> {
  if (!/^\d{1,15}$/.test(id)) return apiError(404, "Post not found.");
  const body = postsBodySchema.safeParse(await jsonBody(request));
  if (!body.success)
    return validationError(`Send { ${kind}: [ { updated_at, … } ] }: ${body.error.issues[0]!.message}`);
  const input = body.data.posts[0]!;
  const current = await getPostForEditor({ id: Number(id), scope: editScope(user) });
  if (!current || current.type !== typeOf(kind))
    return apiError(404, "Post not found, or this integration may not edit it.");
  if (!input.updated_at) return validationError("updated_at is required: send the updated_at you last read.");
  // Ghost's conflict check: the client's copy must be the current one.
  if (Date.parse(input.updated_at) !== current.updatedAt.getTime()) {
    return apiError(
      409,
      "Saving failed! Someone else is editing this post.",
      "The post was changed since you read it; read it again and reapply your changes.",
    );
  }
  const steps = plan(input, current.status, user);
  if (steps instanceof Response) return steps;
  const prepared = await editorInput(input, { ...current, tags: current.tags.join(",") }, kind);
  if (prepared.error) return prepared.error;
  const slug = requestedSlug(prepared.data.slug);
  const { fields, tags } = await toEditorFields(prepared.data);
  const outcome = await savePost(
    { id: current.id, scope: editScope(user), version: current.version, slug, fields, tags },
    apiActor(user),
  );
  if (!outcome.ok) {
    if (outcome.reason === "conflict") return apiError(409, "Saving failed! Someone else is editing this post.");
    if (outcome.reason === "slug_taken") return validationError("Another post or page already uses this slug.");
    return apiError(404, "Post not found.");
  }
  const changed: Changed[] = [
    {
      id: outcome.id,
      slug: outcome.slug,
      type: typeOf(kind),
      tagSlugs: outcome.tagSlugs,
      action: "save",
      previousStatus: current.status,
    },
  ];
  const moved = await steps.run(current.id);
  if (moved) changed.push(moved);
  await afterPostsChanged(changed);
  const row = await readAdminPost({ type: typeOf(kind), by: "id", value: id, scope: listScope(user) });
  return noStore({ [kind]: row ? await serialize([row], new URL(request.url).searchParams) : [] });
}

export async function deletePost(kind: Kind, id: string, user: ApiUser): Promise<Response> {
  if (!/^\d{1,15}$/.test(id)) return apiError(404, "Post not found.");
  const scope = deleteScope(user);
  const current = await getPostForEditor({ id: Number(id), scope });
  if (!current || current.type !== typeOf(kind))
    return apiError(404, "Post not found, or this integration may not delete it.");
  // Ghost deletes for good; through the trash, so the published post's webhook and audit entries are the editor's.
  const trashed = await trashPost({ id: current.id, scope }, apiActor(user));
  const purged = trashed ? await purgePost({ id: current.id, scope }, apiActor(user)) : null;
  await afterPostsChanged([trashed, purged].filter((c): c is Changed => c !== null));
  return new Response(null, { status: 204 });
}
