import type { Metadata } from "next";
import { PostEditor } from "@/components/editor/post-editor";
import { getSettings } from "@/db/queries/settings";
import { listTagNames } from "@/db/queries/tag-admin";
import { kindOf } from "@/lib/posts/admin-kind";
import { can } from "@/lib/authz";
import { EDITOR_ACTIONS, editorPostOf } from "@/lib/posts/editor-props";
import { requireStaff } from "@/lib/page-guards";

export const metadata: Metadata = { title: "New · Quire" };

export default async function NewPostPage({ params }: { params: Promise<{ kind: string }> }) {
  const kind = kindOf((await params).kind);
  const user = await requireStaff(`/admin/${kind.segment}/new`);
  const { timezone } = await getSettings();
  return (
    <>
      <h1 className="mb-6 text-2xl font-bold">New {kind.singular}</h1>
      <PostEditor
        post={editorPostOf(null, kind.type, timezone)}
        canPublish={can(user, "post.publish", { ownerId: user.id })}
        timezone={timezone}
        existingTags={await listTagNames()}
        actions={EDITOR_ACTIONS}
        initialPreview={{ html: "", wordCount: 0 }}
      />
    </>
  );
}
