import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PostEditor } from "@/components/editor/post-editor";
import { viewsByPath } from "@/db/queries/analytics";
import { getPostForEditor } from "@/db/queries/post-editor";
import { getSettings } from "@/db/queries/settings";
import { listTagNames } from "@/db/queries/tag-admin";
import { idOf, kindOf } from "@/lib/posts/admin-kind";
import { can, hasRole } from "@/lib/authz";
import { EDITOR_ACTIONS, editorPostOf } from "@/lib/posts/editor-props";
import { editScope } from "@/lib/posts/access";
import { requireStaff } from "@/lib/page-guards";

export const metadata: Metadata = { title: "Edit · Quire" };

type Props = { params: Promise<{ kind: string; id: string }>; searchParams: Promise<{ done?: string }> };

// What the editor did before it moved here from /new (its first save creates the post).
const DONE: Record<string, string> = {
  saved: "Draft saved.",
  published: "Published.",
  scheduled: "Scheduled.",
  review: "Submitted for review. An editor will publish it.",
};

export default async function EditPostPage({ params, searchParams }: Props) {
  const { kind: segment, id: rawId } = await params;
  const kind = kindOf(segment);
  const id = idOf(rawId);
  const user = await requireStaff(`/admin/${kind.segment}/${id}`);
  // Out of this person's reach (another's post, a contributor's published post) looks like missing.
  const post = await getPostForEditor({ id, scope: editScope(user) });
  if (!post || post.type !== kind.type) notFound();
  const { timezone } = await getSettings();
  // Reader views of a published post, for those who see the analytics (as in the posts list).
  const path = `/${post.slug}`;
  const views =
    post.status === "published" && hasRole(user, "admin") ? ((await viewsByPath([path])).get(path) ?? 0) : undefined;
  return (
    <>
      <h1 className="mb-6 text-2xl font-bold">
        Edit {kind.singular}{" "}
        <span className="text-base font-normal text-zinc-700 dark:text-zinc-300">by {post.authorName}</span>
      </h1>
      <PostEditor
        post={editorPostOf(post, kind.type, timezone)}
        canPublish={can(user, "post.publish", { ownerId: post.authorId })}
        timezone={timezone}
        existingTags={await listTagNames()}
        actions={EDITOR_ACTIONS}
        initialPreview={{ html: post.html, wordCount: post.wordCount }}
        flash={DONE[(await searchParams).done ?? ""]}
        views={views}
      />
    </>
  );
}
