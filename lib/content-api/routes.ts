import "server-only";
import { browse, read, RESOURCES, type Resource, settings } from "./handlers";
import { apiError, preflight } from "./respond";

// Route handlers for one mount point of the Content API; the route files only re-export.

type Params<T> = { params: Promise<T> };

const isResource = (value: string): value is Resource => (RESOURCES as readonly string[]).includes(value);

export function contentApiRoutes(options: { requireKey: boolean }) {
  return {
    // GET …/<resource> — browse, or the site settings
    async collection(request: Request, { params }: Params<{ resource: string }>) {
      const { resource } = await params;
      if (resource === "settings") return settings(request, options);
      return isResource(resource)
        ? browse(request, resource, options)
        : apiError(404, `Unknown resource "${resource}".`);
    },
    // GET …/<resource>/<id>
    async byId(request: Request, { params }: Params<{ resource: string; id: string }>) {
      const { resource, id } = await params;
      return isResource(resource)
        ? read(request, resource, "id", id, options)
        : apiError(404, `Unknown resource "${resource}".`);
    },
    // GET …/<resource>/slug/<slug>
    async bySlug(request: Request, { params }: Params<{ resource: string; slug: string }>) {
      const { resource, slug } = await params;
      return isResource(resource)
        ? read(request, resource, "slug", slug, options)
        : apiError(404, `Unknown resource "${resource}".`);
    },
    preflight,
  };
}
