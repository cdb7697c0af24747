"use client";

import { Menu } from "lucide-react";
import { type MouseEvent, type ReactNode, useState } from "react";
import { Dialog, DialogTrigger, DrawerContent } from "@/components/ui/dialog";

/** Under 768 px the sidebar moves into a drawer behind a menu button; choosing a link closes it. */
export function MobileNav({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const closeOnLink = (event: MouseEvent) => {
    if ((event.target as HTMLElement).closest("a")) setOpen(false);
  };
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger className="rounded-md p-2 text-zinc-800 hover:bg-zinc-100 dark:text-zinc-200 dark:hover:bg-zinc-800">
        <Menu className="size-5" aria-hidden />
        <span className="sr-only">Open menu</span>
      </DialogTrigger>
      <DrawerContent title="Admin menu" onClick={closeOnLink}>
        {children}
      </DrawerContent>
    </Dialog>
  );
}
