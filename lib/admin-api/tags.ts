import "server-only";
import { z } from "zod";
import { createTag, deleteTag, listTagsForAdmin, updateTag } from "@/db/queries/tag-admin";
import { can } from "../authz";
import { apiError } from "../content-api/respond";
import { serializeTag } from "../content-api/serialize";
import { slugify } from "../posts/slug";
import { tagResult, tagSlug } from "../tags/tag-result";
import { tagSchema } from "../validations/tag";
import { apiActor, type ApiUser } from "./auth";
import { jsonBody, noStore, validationError } from "./reply";

const tagsBody = z.object({
  tags: z
    .array(
      z.looseObject({
        name: z.string().optional(),
        slug: z.string().optional(),
        description: z.string().nullable().optional(),
      }),
    )
    .length(1),
});

type AdminTag = Awaited<ReturnType<typeof listTagsForAdmin>>[number];

const serialize = (tag: AdminTag) => ({
  ...serializeTag(tag),
  count: { posts: tag.posts },
});
const find = async (where: (tag: AdminTag) => boolean) => (await listTagsForAdmin()).find(where);

export async function browseTags(): Promise<Response> {
  const tags = await listTagsForAdmin();
  return noStore({
    tags: tags.map(serialize),
    meta: { pagination: { page: 1, limit: "all", pages: 1, total: tags.length, next: null, prev: null } },
  });
}

export async function readTag(by: "id" | "slug", value: string): Promise<Response> {
  const tag = await find((t) => (by === "id" ? String(t.id) === value : t.slug === value));
  return tag ? noStore({ tags: [serialize(tag)] }) : apiError(404, "Tag not found.");
}

// Tags are managed by editors and up, as in the admin.
async function parseTag(
  request: Request,
  user: ApiUser,
  current?: { name: string; slug: string; description: string },
) {
  if (!can(user, "tag.manage")) return { error: apiError(403, "Only editor and admin integrations manage tags.") };
  const body = tagsBody.safeParse(await jsonBody(request));
  if (!body.success) return { error: validationError("Send { tags: [ { name, slug?, description? } ] }.") };
  const given = body.data.tags[0]!;
  const parsed = tagSchema.safeParse({
    name: given.name ?? current?.name,
    slug: given.slug ?? current?.slug ?? "",
    description: given.description ?? current?.description ?? "",
  });
  if (!parsed.success)
    return { error: validationError(`${String(parsed.error.issues[0]!.path[0])}: ${parsed.error.issues[0]!.message}`) };
  return { data: { ...parsed.data, slug: tagSlug(parsed.data.slug, parsed.data.name, slugify) } };
}

export async function addTag(request: Request, user: ApiUser): Promise<Response> {
  const input = await parseTag(request, user);
  if (input.error) return input.error;
  tagResult(await createTag(input.data, apiActor(user)), "Tag created.");
  return noStore({ tags: [serialize((await find((t) => t.slug === input.data.slug))!)] }, 201);
}

export async function editTag(request: Request, id: string, user: ApiUser): Promise<Response> {
  const current = await find((t) => String(t.id) === id);
  if (!current) return apiError(404, "Tag not found.");
  const input = await parseTag(request, user, current);
  if (input.error) return input.error;
  tagResult(await updateTag({ id: current.id, ...input.data }, apiActor(user)), "Tag saved.");
  return noStore({ tags: [serialize((await find((t) => t.id === current.id))!)] });
}

export async function removeTag(id: string, user: ApiUser): Promise<Response> {
  if (!can(user, "tag.manage")) return apiError(403, "Only editor and admin integrations manage tags.");
  if (!/^\d{1,15}$/.test(id)) return apiError(404, "Tag not found.");
  tagResult(await deleteTag({ id: Number(id) }, apiActor(user)), "Tag deleted.");
  return new Response(null, { status: 204 });
}
