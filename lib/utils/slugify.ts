// Client-safe (the editor derives a slug from the title as you type); lib/slug re-exports it.
const MAX_SLUG_LENGTH = 80;

/** "Hello, Wörld!" → "hello-world". Empty when nothing usable is left. */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/, "");
}
