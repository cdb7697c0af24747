/** How the admin names a post's status, in lists, filters and the editor. */
export const POST_STATUS_LABEL = {
  draft: "Draft",
  review: "Waiting for review",
  scheduled: "Scheduled",
  published: "Published",
} as const;
