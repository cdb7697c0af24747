import Link from "next/link";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { signOutAction } from "@/lib/actions/sign-out";
import { hasRole } from "@/lib/authz";
import { pendingCommentCount } from "@/lib/comments/moderation";
import { requireStaff } from "@/lib/page-guards";

// The frame of every signed-in admin screen. Pages check access themselves too:
// a layout is not re-run on every client navigation.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requireStaff("/admin");
  const pendingComments = pendingCommentCount(user); // issue 5: null when the role cannot moderate
  return (
    <div className="min-h-screen bg-zinc-50 dark:bg-zinc-950">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:p-2">
        Skip to content
      </a>
      <header className="border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-4 px-4 py-3">
          <Link href="/admin" className="font-bold text-zinc-900 no-underline dark:text-zinc-100">
            Quire admin
          </Link>
          <nav aria-label="Admin" className="flex flex-wrap gap-4 text-sm">
            <Link href="/admin">Dashboard</Link>
            <Link href="/admin/posts">Posts</Link>
            <Link href="/admin/pages">Pages</Link>
            {pendingComments !== null && (
              <Link href="/admin/comments">Comments{pendingComments ? ` (${pendingComments} pending)` : ""}</Link>
            )}
            {hasRole(user, "editor") && <Link href="/admin/tags">Tags</Link>}
            <Link href="/admin/media">Media</Link>
            {hasRole(user, "admin") && <Link href="/admin/users">Users</Link>}
            {hasRole(user, "admin") && <Link href="/admin/settings">Settings</Link>}
            {hasRole(user, "admin") && <Link href="/admin/audit">Audit log</Link>}
            <Link href="/admin/profile">Profile</Link>
            <Link href="/">View site</Link>
          </nav>
          <div className="ml-auto flex items-center gap-3 text-sm">
            <span>
              {user.name} <span className="text-zinc-600 dark:text-zinc-400">({user.role})</span>
            </span>
            <form action={signOutAction}>
              <Button type="submit" variant="secondary">
                Sign out
              </Button>
            </form>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </div>
  );
}
