import { cookies } from "next/headers";
import Link from "next/link";
import type { ReactNode } from "react";
import { AdminSidebar, type SidebarAccess } from "@/components/admin/shell/admin-sidebar";
import { MobileNav } from "@/components/admin/shell/mobile-nav";
import { AdminFrame } from "@/components/admin/shell/theme";
import { parseThemeChoice, THEME_COOKIE } from "@/components/admin/shell/theme-choice";
import { signOutAction } from "@/lib/actions/sign-out";
import { hasRole } from "@/lib/authz";
import { pendingCommentCount } from "@/lib/comments/moderation";
import { requireStaff } from "@/lib/page-guards";

// The frame of every signed-in admin screen. Pages check access themselves too:
// a layout is not re-run on every client navigation. On phones a wide table scrolls inside itself,
// never the page.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requireStaff("/admin");
  const access: SidebarAccess = {
    pendingComments: await pendingCommentCount(user), // issue 5: null when the role cannot moderate
    editor: hasRole(user, "editor"),
    admin: hasRole(user, "admin"),
  };
  const theme = parseThemeChoice((await cookies()).get(THEME_COOKIE)?.value);
  const sidebar = (place: "side" | "drawer") => (
    <AdminSidebar place={place} access={access} user={user} signOutAction={signOutAction} />
  );
  return (
    <AdminFrame initialTheme={theme}>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:z-50 focus:bg-white focus:p-2 dark:focus:bg-zinc-900"
      >
        Skip to content
      </a>
      <header className="fixed inset-y-0 left-0 hidden w-64 overflow-y-auto border-r border-zinc-200 bg-white md:block dark:border-zinc-800 dark:bg-zinc-900">
        {sidebar("side")}
      </header>
      <header className="sticky top-0 z-30 flex items-center gap-2 border-b border-zinc-200 bg-white px-2 py-2 md:hidden dark:border-zinc-800 dark:bg-zinc-900">
        <MobileNav>{sidebar("drawer")}</MobileNav>
        <Link href="/admin" className="font-bold text-zinc-900 no-underline dark:text-zinc-100">
          Quire admin
        </Link>
      </header>
      <div className="md:pl-64">
        <main
          id="main"
          tabIndex={-1}
          className="mx-auto max-w-6xl px-4 py-8 focus:outline-none max-md:[&_table]:block max-md:[&_table]:overflow-x-auto"
        >
          {children}
        </main>
      </div>
    </AdminFrame>
  );
}
