"use client";

import { ChevronsUpDown, LogOut, Monitor, Moon, Sun, UserRound } from "lucide-react";
import Link from "next/link";
import { useRef } from "react";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { useTheme } from "./theme";
import { parseThemeChoice } from "./theme-choice";

/** The signed-in person's menu: their profile, the colour scheme, and signing out. */
export function AccountMenu({
  name,
  role,
  signOutAction,
}: {
  name: string;
  role: string;
  signOutAction: () => Promise<void>;
}) {
  const { theme, setTheme } = useTheme();
  const signOut = useRef<HTMLFormElement>(null);
  return (
    <>
      {/* The menu item submits this form: a menu closes (and unmounts) as soon as an item is chosen. */}
      <form ref={signOut} action={signOutAction} hidden />
      {/* Not modal: the page stays readable (and axe-clean) behind an open menu. */}
      <DropdownMenu modal={false}>
        <DropdownMenuTrigger className="flex w-full items-center gap-3 rounded-md px-3 py-2 text-left text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800">
          <span
            aria-hidden
            className="flex size-8 shrink-0 items-center justify-center rounded-full bg-zinc-700 font-semibold text-white dark:bg-zinc-300 dark:text-zinc-950"
          >
            {name.trim().charAt(0).toUpperCase() || "?"}
          </span>
          <span className="min-w-0 flex-1">
            <span className="sr-only">Account menu: </span>
            <span className="block truncate font-medium">{name}</span>
            <span className="block text-xs text-zinc-600 dark:text-zinc-400">{role}</span>
          </span>
          <ChevronsUpDown className="size-4 shrink-0" aria-hidden />
        </DropdownMenuTrigger>
        <DropdownMenuContent side="top" align="start" className="w-60">
          <DropdownMenuItem asChild>
            <Link href="/admin/profile">
              <UserRound className="size-4" aria-hidden />
              Profile
            </Link>
          </DropdownMenuItem>
          <DropdownMenuSeparator />
          <DropdownMenuLabel>Colour scheme</DropdownMenuLabel>
          <DropdownMenuRadioGroup value={theme} onValueChange={(value) => setTheme(parseThemeChoice(value))}>
            <DropdownMenuRadioItem value="system">
              <Monitor className="size-4" aria-hidden />
              Match the system
            </DropdownMenuRadioItem>
            <DropdownMenuRadioItem value="light">
              <Sun className="size-4" aria-hidden />
              Light
            </DropdownMenuRadioItem>
            <DropdownMenuRadioItem value="dark">
              <Moon className="size-4" aria-hidden />
              Dark
            </DropdownMenuRadioItem>
          </DropdownMenuRadioGroup>
          <DropdownMenuSeparator />
          <DropdownMenuItem onSelect={() => signOut.current?.requestSubmit()}>
            <LogOut className="size-4" aria-hidden />
            Sign out
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
    </>
  );
}
