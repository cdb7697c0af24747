import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { posts } from "@/db/schema";
import { autosavePostAction } from "@/lib/actions/autosave-post";
import { bulkPostsAction } from "@/lib/actions/bulk-posts";
import { changeUserRoleAction } from "@/lib/actions/change-user-role";
import { createTagAction } from "@/lib/actions/create-tag";
import { deleteTagAction } from "@/lib/actions/delete-tag";
import { deleteUserAction } from "@/lib/actions/delete-user";
import { inviteUserAction } from "@/lib/actions/invite-user";
import { mergeTagsAction } from "@/lib/actions/merge-tags";
import { previewMarkdownAction } from "@/lib/actions/preview-markdown";
import { publishPostAction } from "@/lib/actions/publish-post";
import { restoreRevisionAction } from "@/lib/actions/restore-revision";
import { savePostAction } from "@/lib/actions/save-post";
import { schedulePostAction } from "@/lib/actions/schedule-post";
import { submitPostForReviewAction } from "@/lib/actions/submit-post-for-review";
import { suspendUserAction } from "@/lib/actions/suspend-user";
import { transferOwnershipAction } from "@/lib/actions/transfer-ownership";
import { trashPostAction } from "@/lib/actions/trash-post";
import { unpublishPostAction } from "@/lib/actions/unpublish-post";
import { updateDesignAction } from "@/lib/actions/update-design";
import { updateSiteSettingsAction } from "@/lib/actions/update-site-settings";
import { updateTagAction } from "@/lib/actions/update-tag";
import { PEOPLE, POSTS, row } from "../admin-fixture";
import { IMPORT_EXPORT_ACTIONS } from "./import-export";
import { ADMINS, EDITORS, type MatrixRow, OWNER, PUBLISHERS, STAFF, STAFF_EDIT } from "../authz-matrix";

/** The post's status and when it went to the trash; undefined once purged. */
const post = (id: number) =>
  row(getDb().select({ status: posts.status, deletedAt: posts.deletedAt }).from(posts).where(eq(posts.id, id)));
const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString().slice(0, 16);

// PRODUCT.md's role table for posts, tags, settings and users: who may, everyone else may not.
export const ADMIN_ACTIONS: MatrixRow[] = [
  {
    what: "save a draft",
    entry: savePostAction,
    run: (t) => savePostAction(null, { id: t.draft, version: 1, title: "Changed", markdown: "New" }),
    allowed: STAFF_EDIT,
  },
  {
    what: "autosave a draft",
    entry: autosavePostAction,
    run: (t) => autosavePostAction(null, { id: t.draft, version: 1, title: "Changed", markdown: "New" }),
    allowed: STAFF_EDIT,
  },
  {
    what: "preview Markdown",
    entry: previewMarkdownAction,
    run: () => previewMarkdownAction(null, { markdown: "*hi*" }),
    allowed: STAFF,
    reads: true,
  },
  {
    what: "submit for review",
    entry: submitPostForReviewAction,
    run: (t) => submitPostForReviewAction(null, { id: t.draft }),
    allowed: STAFF_EDIT,
  },
  {
    what: "publish",
    entry: publishPostAction,
    run: (t) => publishPostAction(null, { id: t.draft }),
    allowed: PUBLISHERS,
  },
  {
    what: "schedule",
    entry: schedulePostAction,
    run: (t) => schedulePostAction(null, { id: t.draft, publishAt: inAnHour() }),
    allowed: PUBLISHERS,
  },
  {
    what: "unpublish",
    entry: unpublishPostAction,
    run: (t) => unpublishPostAction(null, { id: t.published }),
    allowed: PUBLISHERS,
  },
  {
    what: "bulk publish",
    entry: bulkPostsAction,
    run: (t) =>
      bulkPostsAction(null, { operation: "publish", ids: [String(t.draft)] }).then(async (r) => ({
        ok: r.ok && (await post(t.draft))?.status === "published",
      })),
    allowed: PUBLISHERS,
  },
  {
    what: "move to trash",
    entry: trashPostAction,
    run: (t) => trashPostAction(null, { id: t.draft }),
    allowed: STAFF_EDIT,
  },
  {
    what: "restore a revision",
    entry: restoreRevisionAction,
    run: (t) => restoreRevisionAction(null, { postId: t.draft, revisionId: t.revision }),
    allowed: STAFF_EDIT,
  },
  // The trash page restores and purges through the bulk action (one post is a list of one).
  {
    what: "restore from trash (another's post)",
    entry: bulkPostsAction,
    run: () =>
      bulkPostsAction(null, { operation: "restore", ids: [String(POSTS.trashedOther.id)] }).then(async (r) => ({
        ok: r.ok && (await post(POSTS.trashedOther.id))?.deletedAt === null,
      })),
    allowed: EDITORS,
  },
  {
    what: "purge (another's post)",
    entry: bulkPostsAction,
    run: () =>
      bulkPostsAction(null, { operation: "purge", ids: [String(POSTS.trashedOther.id)] }).then(async (r) => ({
        ok: r.ok && (await post(POSTS.trashedOther.id)) === undefined,
      })),
    allowed: EDITORS,
  },
  {
    what: "create a tag",
    entry: createTagAction,
    run: () => createTagAction(null, { name: "Harbour" }),
    allowed: EDITORS,
  },
  {
    what: "rename a tag",
    entry: updateTagAction,
    run: () => updateTagAction(null, { id: 21, name: "Seas", slug: "seas" }),
    allowed: EDITORS,
  },
  {
    what: "merge tags",
    entry: mergeTagsAction,
    run: () => mergeTagsAction(null, { fromId: 21, intoId: 22 }),
    allowed: EDITORS,
  },
  { what: "delete a tag", entry: deleteTagAction, run: () => deleteTagAction(null, { id: 21 }), allowed: EDITORS },
  {
    what: "change settings",
    entry: updateSiteSettingsAction,
    run: () =>
      updateSiteSettingsAction(null, {
        title: "Mine",
        description: "",
        timezone: "UTC",
        commentPolicy: "publish",
        commentLinkLimit: "2",
        commentCloseAfterDays: "0",
      }),
    allowed: ADMINS,
  },
  {
    what: "change the site's design",
    entry: updateDesignAction,
    run: () =>
      updateDesignAction(null, {
        accentColor: "#8b0000",
        accentColorDark: "#fbbf24",
        logoUrl: "",
        siteIconUrl: "",
        coverImageUrl: "",
        fontPairing: "bookish",
        navigation: JSON.stringify([{ label: "Archive", url: "/archive" }]),
        footerNavigation: "[]",
        homeLayout: "cards",
        postsPerPage: "5",
      }),
    allowed: ADMINS,
  },
  {
    what: "invite a user",
    entry: inviteUserAction,
    run: () => inviteUserAction(null, { email: "new@example.com", role: "editor" }),
    allowed: ADMINS,
  },
  {
    what: "change a role",
    entry: changeUserRoleAction,
    run: () => changeUserRoleAction(null, { id: PEOPLE.otherAuthor.id, role: "editor" }),
    allowed: ADMINS,
  },
  {
    what: "suspend a user",
    entry: suspendUserAction,
    run: () => suspendUserAction(null, { id: PEOPLE.otherAuthor.id, suspended: "true" }),
    allowed: ADMINS,
  },
  {
    what: "delete a user",
    entry: deleteUserAction,
    run: () => deleteUserAction(null, { id: PEOPLE.otherContributor.id, reassignTo: PEOPLE.admin.id }),
    allowed: ADMINS,
  },
  {
    what: "transfer ownership",
    entry: transferOwnershipAction,
    run: () => transferOwnershipAction(null, { id: PEOPLE.admin.id }),
    allowed: OWNER,
  },
  ...IMPORT_EXPORT_ACTIONS,
];
