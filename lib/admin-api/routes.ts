import "server-only";
import { siteUrl } from "../env";
import { AppError } from "../errors";
import { can } from "../authz";
import { apiError } from "../content-api/respond";
import { storeImageUpload } from "../media/upload";
import { type ErrorShape, route } from "../route";
import type { ApiUser } from "./auth";
import { addPost, browsePosts, deletePost, editPost, readPost } from "./posts";
import { addTag, browseTags, editTag, readTag, removeTag } from "./tags";
import { noStore } from "./reply";

// The Admin API behind both mounts (/ghost/api/admin/… and /api/v1/admin/…): one
// catch-all route per mount, dispatched here by method and path.

type Handler = (request: Request, user: ApiUser) => Response | Promise<Response>;

function resolve(method: string, path: string[]): Handler | null {
  const [resource, a, b, extra] = path;
  if (extra !== undefined) return null;
  if (resource === "posts" || resource === "pages") {
    if (a === undefined) {
      if (method === "GET") return (request, user) => browsePosts(request, resource, user);
      if (method === "POST") return (request, user) => addPost(request, resource, user);
      return null;
    }
    if (a === "slug" && b !== undefined)
      return method === "GET" ? (request, user) => readPost(request, resource, "slug", b, user) : null;
    if (b !== undefined) return null;
    if (method === "GET") return (request, user) => readPost(request, resource, "id", a, user);
    if (method === "PUT") return (request, user) => editPost(request, resource, a, user);
    if (method === "DELETE") return (_request, user) => deletePost(resource, a, user);
    return null;
  }
  if (resource === "tags") {
    if (a === undefined) return method === "GET" ? () => browseTags() : method === "POST" ? addTag : null;
    if (a === "slug" && b !== undefined) return method === "GET" ? () => readTag("slug", b) : null;
    if (b !== undefined) return null;
    if (method === "GET") return () => readTag("id", a);
    if (method === "PUT") return (request, user) => editTag(request, a, user);
    if (method === "DELETE") return (_request, user) => removeTag(a, user);
    return null;
  }
  if (resource === "images" && a === "upload" && b === undefined && method === "POST") return uploadImage;
  return null;
}

async function uploadImage(request: Request, user: ApiUser): Promise<Response> {
  if (!can(user, "media.upload")) throw new AppError("forbidden", "This integration may not upload images.");
  const stored = await storeImageUpload(request, user, { requireAlt: false });
  return noStore({ images: [{ url: `${siteUrl()}${stored.url}`, ref: stored.ref }] }, 201);
}

// Ghost's error shape, so its clients report a refusal properly; a field's error names the field.
const ghostError: ErrorShape = ({ message, fieldErrors }, status) => {
  const field = fieldErrors && Object.entries(fieldErrors)[0];
  return apiError(status, field ? `${field[0]}: ${field[1][0]}` : message);
};

/** The API key, never the cookie: route() checks it (and that its creator is still active for writes). */
const withApiKey = (handler: Handler) =>
  route({ auth: { apiKey: true }, errors: ghostError }, (request, { user }) => handler(request, user));

export async function handleAdminApi(
  request: Request,
  context: { params: Promise<{ path?: string[] }> },
): Promise<Response> {
  const path = ((await context.params).path ?? []).filter(Boolean);
  const handler = resolve(request.method, path);
  if (!handler) return apiError(404, "Resource not found.");
  return withApiKey(handler)(request);
}
