import type { Metadata } from "next";
import { ActionForm } from "@/components/admin/action-form";
import { CARD_CLASS, PanelSection } from "@/components/admin/panel-section";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { listTagsForAdmin } from "@/db/queries/tag-admin";
import { createTagAction } from "@/lib/actions/create-tag";
import { deleteTagAction } from "@/lib/actions/delete-tag";
import { mergeTagsAction } from "@/lib/actions/merge-tags";
import { updateTagAction } from "@/lib/actions/update-tag";
import { hasRole } from "@/lib/authz";
import { requireStaff } from "@/lib/page-guards";

export const metadata: Metadata = { title: "Tags · Quire" };

const TAG_FIELDS = [
  { name: "name", label: "Name" },
  { name: "slug", label: "Slug" },
  { name: "description", label: "Description" },
] as const;

/** Name, slug and description of a tag, for the new-tag form and each tag's own. */
function TagFields({ prefix, tag }: { prefix: string; tag?: { name: string; slug: string; description: string } }) {
  return TAG_FIELDS.map(({ name, label }) => (
    <Field key={name} id={`${prefix}-${name}`} label={label} name={name} defaultValue={tag?.[name] ?? ""} />
  ));
}

export default async function TagsPage() {
  const user = await requireStaff("/admin/tags");
  if (!hasRole(user, "editor")) return <p role="alert">Only editors and administrators manage tags.</p>;
  const tags = await listTagsForAdmin();
  return (
    <>
      <h1 className="text-2xl font-bold">Tags</h1>
      <PanelSection id="new-tag" title="New tag" className="mt-6">
        <ActionForm action={createTagAction} submitLabel="Create tag" variant="primary">
          <TagFields prefix="new-tag" />
        </ActionForm>
      </PanelSection>
      {/* One merge form for all tags: a "merge into" list under each tag made the page grow
          with the square of the tag count (600 tags, 360,000 options). */}
      {tags.length > 1 && (
        <PanelSection id="merge-tags" title="Merge tags">
          <ActionForm action={mergeTagsAction} submitLabel="Merge tags">
            <TagSelect id="merge-from" name="fromId" label="Merge" tags={tags} />
            <TagSelect id="merge-into" name="intoId" label="into" tags={tags} />
          </ActionForm>
        </PanelSection>
      )}
      <PanelSection id="all-tags" title={`All tags (${tags.length})`}>
        {tags.length === 0 && (
          <p className="rounded-md border border-dashed border-zinc-300 p-6 text-center text-sm dark:border-zinc-700">
            No tags yet. Create one above, or add tags to a post in its settings.
          </p>
        )}
        <ul className="space-y-4">
          {tags.map((tag) => (
            <li key={tag.id} aria-label={tag.name} className={CARD_CLASS}>
              <p className="font-semibold">
                {tag.name}{" "}
                <span className="font-normal text-zinc-700 dark:text-zinc-300">
                  /tag/{tag.slug} · {tag.posts} posts
                </span>
              </p>
              <ActionForm
                action={updateTagAction}
                hidden={{ id: tag.id }}
                submitLabel={`Save ${tag.name}`}
                className="mt-2"
              >
                <TagFields prefix={`tag-${tag.id}`} tag={tag} />
              </ActionForm>
              <div className="mt-2 flex flex-wrap gap-6">
                <ActionForm
                  action={deleteTagAction}
                  hidden={{ id: tag.id }}
                  submitLabel={`Delete ${tag.name}`}
                  variant="danger"
                  confirm={`Delete the tag ${tag.name}? Posts keep their other tags.`}
                />
              </div>
            </li>
          ))}
        </ul>
      </PanelSection>
    </>
  );
}

function TagSelect({
  id,
  name,
  label,
  tags,
}: {
  id: string;
  name: string;
  label: string;
  tags: { id: number; name: string }[];
}) {
  return <Select id={id} name={name} label={label} options={tags.map((tag) => ({ value: tag.id, label: tag.name }))} />;
}
