// Shared by the comment components and the server: plain data, no server imports.

export type ThreadComment = {
  id: number;
  parentId: number | null;
  authorName: string;
  authorUrl: string | null;
  staff: boolean;
  html: string;
  createdAt: Date;
};

export type ThreadNode = ThreadComment & {
  depth: number;
  replyTo?: { id: number; authorName: string };
  replies: ThreadNode[];
};

export const THREAD_DEPTH = 3;

/**
 * Nests approved comments (oldest first) three levels deep. A reply to a third-level
 * comment joins that level just after it, marked "in reply to"; a reply whose parent
 * is not shown (held, trashed, deleted) starts a thread of its own.
 */
export function buildThread(list: ThreadComment[], maxDepth = THREAD_DEPTH): ThreadNode[] {
  const roots: ThreadNode[] = [];
  const placed = new Map<number, { node: ThreadNode; siblings: ThreadNode[] }>();
  for (const comment of list) {
    const parent = comment.parentId != null ? placed.get(comment.parentId) : undefined;
    let node: ThreadNode;
    let siblings: ThreadNode[];
    if (!parent) {
      node = { ...comment, depth: 0, replies: [] };
      siblings = roots;
    } else if (parent.node.depth < maxDepth - 1) {
      node = { ...comment, depth: parent.node.depth + 1, replies: [] };
      siblings = parent.node.replies;
    } else {
      node = {
        ...comment,
        depth: parent.node.depth,
        replyTo: { id: parent.node.id, authorName: parent.node.authorName },
        replies: [],
      };
      siblings = parent.siblings;
    }
    siblings.push(node);
    placed.set(comment.id, { node, siblings });
  }
  return roots;
}

/** A commenter's website becomes a link only when it is plainly http(s). */
export function safeWebsite(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

export const commentCountLabel = (n: number) => `${n} ${n === 1 ? "Comment" : "Comments"}`;

/** What the commenter's browser keeps (localStorage) to edit or delete within the window. */
export type StoredOwnComment = { id: number; postId: number; token: string; createdAt: number };
export const OWN_COMMENTS_KEY = "quire.own-comments";

/** What posting returns to the commenter's page. */
export type PostedComment = {
  id: number;
  postId: number;
  token: string;
  status: "pending" | "approved";
  html: string;
  authorName: string;
  createdAt: number;
};

/** One of the commenter's own comments, as their browser sees it. */
export type OwnComment = {
  id: number;
  status: "pending" | "approved" | "spam" | "trash";
  html: string;
  markdown: string;
  createdAt: number;
  editableUntil: number;
};
