"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

/** True when the path is this link's screen or one below it (the dashboard matches only itself). */
export function isCurrent(pathname: string, href: string, exact = false): boolean {
  if (exact || href === "/admin") return pathname === href;
  return pathname === href || pathname.startsWith(`${href}/`);
}

/** A sidebar link, marked aria-current="page" on its own screen and the screens under it. */
export function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const current = isCurrent(usePathname() ?? "", href);
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className={`flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium no-underline ${
        current
          ? "bg-zinc-200 text-zinc-950 dark:bg-zinc-800 dark:text-white"
          : "text-zinc-700 hover:bg-zinc-100 hover:text-zinc-950 dark:text-zinc-300 dark:hover:bg-zinc-800/60 dark:hover:text-white"
      }`}
    >
      {children}
    </Link>
  );
}
