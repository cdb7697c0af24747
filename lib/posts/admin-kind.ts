import { notFound } from "next/navigation";

// /admin/posts/… and /admin/pages/… share their screens; the segment says which type.
export const KINDS = {
  posts: { type: "post", singular: "post", plural: "Posts" },
  pages: { type: "page", singular: "page", plural: "Pages" },
} as const;

export function kindOf(segment: string) {
  if (segment !== "posts" && segment !== "pages") notFound();
  return { segment, ...KINDS[segment] } as const;
}

export function idOf(segment: string): number {
  const id = Number(segment);
  if (!Number.isInteger(id) || id <= 0) notFound();
  return id;
}
