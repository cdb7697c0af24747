// The parts of Ghost's Admin API client the journeys use (the package ships no types).
declare module "@tryghost/admin-api" {
  type Item = Record<string, unknown> & {
    id: string;
    updated_at: string;
    slug: string;
    status?: string;
    title?: string;
    url?: string;
  };
  type Resource = {
    browse(options?: Record<string, unknown>): Promise<Item[] & { meta: { pagination: Record<string, unknown> } }>;
    read(data: { id?: string; slug?: string }, options?: Record<string, unknown>): Promise<Item>;
    add(data: Record<string, unknown>, options?: Record<string, unknown>): Promise<Item>;
    edit(data: Record<string, unknown> & { id: string }, options?: Record<string, unknown>): Promise<Item>;
    delete(data: { id: string }): Promise<void>;
  };
  export default class GhostAdminAPI {
    constructor(options: { url: string; key: string; version: string });
    posts: Resource;
    pages: Resource;
    tags: Resource;
    images: { upload(data: { file: string; ref?: string }): Promise<{ url: string; ref: string | null }> };
  }
}
declare module "@tryghost/admin-api/lib/token" {
  export default function token(key: string, audience: string): string;
}
