import type { Metadata } from "next";
import { ActionForm } from "@/components/admin/action-form";
import { listTagsForAdmin } from "@/db/queries/tag-admin";
import { createTagAction } from "@/lib/actions/create-tag";
import { deleteTagAction } from "@/lib/actions/delete-tag";
import { mergeTagsAction } from "@/lib/actions/merge-tags";
import { updateTagAction } from "@/lib/actions/update-tag";
import { hasRole } from "@/lib/authz";
import { requireStaff } from "@/lib/page-guards";

export const metadata: Metadata = { title: "Tags · Quire" };

const input = "rounded-md border border-zinc-400 bg-white px-2 py-2 text-sm dark:border-zinc-600 dark:bg-zinc-900";

function TagFields({
  prefix,
  name = "",
  slug = "",
  description = "",
}: {
  prefix: string;
  name?: string;
  slug?: string;
  description?: string;
}) {
  return (
    <>
      <span className="flex flex-col">
        <label htmlFor={`${prefix}-name`} className="text-sm">
          Name
        </label>
        <input id={`${prefix}-name`} name="name" defaultValue={name} className={input} />
      </span>
      <span className="flex flex-col">
        <label htmlFor={`${prefix}-slug`} className="text-sm">
          Slug
        </label>
        <input id={`${prefix}-slug`} name="slug" defaultValue={slug} className={input} />
      </span>
      <span className="flex flex-col">
        <label htmlFor={`${prefix}-description`} className="text-sm">
          Description
        </label>
        <input id={`${prefix}-description`} name="description" defaultValue={description} className={input} />
      </span>
    </>
  );
}

export default async function TagsPage() {
  const user = await requireStaff("/admin/tags");
  if (!hasRole(user, "editor")) return <p role="alert">Only editors and administrators manage tags.</p>;
  const tags = listTagsForAdmin();
  return (
    <>
      <h1 className="text-2xl font-bold">Tags</h1>
      <section aria-labelledby="new-tag" className="mt-6">
        <h2 id="new-tag" className="mb-2 text-lg font-semibold">
          New tag
        </h2>
        <ActionForm action={createTagAction} submitLabel="Create tag" variant="primary">
          <TagFields prefix="new-tag" />
        </ActionForm>
      </section>
      {/* One merge form for all tags: a "merge into" list under each tag made the page grow
          with the square of the tag count (600 tags, 360,000 options). */}
      {tags.length > 1 && (
        <section aria-labelledby="merge-tags" className="mt-8">
          <h2 id="merge-tags" className="mb-2 text-lg font-semibold">
            Merge tags
          </h2>
          <ActionForm action={mergeTagsAction} submitLabel="Merge tags">
            <TagSelect id="merge-from" name="fromId" label="Merge" tags={tags} />
            <TagSelect id="merge-into" name="intoId" label="into" tags={tags} />
          </ActionForm>
        </section>
      )}
      <section aria-labelledby="all-tags" className="mt-8">
        <h2 id="all-tags" className="mb-2 text-lg font-semibold">
          All tags ({tags.length})
        </h2>
        <ul className="space-y-4">
          {tags.map((tag) => (
            <li
              key={tag.id}
              aria-label={tag.name}
              className="rounded-md border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
            >
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
                <TagFields prefix={`tag-${tag.id}`} name={tag.name} slug={tag.slug} description={tag.description} />
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
      </section>
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
  return (
    <span className="flex flex-col">
      <label htmlFor={id} className="text-sm">
        {label}
      </label>
      <select id={id} name={name} className={input}>
        {tags.map((tag) => (
          <option key={tag.id} value={tag.id}>
            {tag.name}
          </option>
        ))}
      </select>
    </span>
  );
}
