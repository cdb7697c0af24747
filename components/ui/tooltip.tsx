"use client";

// Radix's tooltip (shown on hover and on keyboard focus, Escape hides it, the trigger is described
// by it while open), styled like the popover. Rendered in place (no portal) so it follows the admin
// frame's theme; nothing of it is in the server HTML until it opens.
import * as Primitive from "@radix-ui/react-tooltip";
import type { ReactElement, ReactNode } from "react";

export function Tooltip({ content, children }: { content: ReactNode; children: ReactElement }) {
  return (
    <Primitive.Provider delayDuration={300}>
      <Primitive.Root>
        <Primitive.Trigger asChild>{children}</Primitive.Trigger>
        <Primitive.Content
          sideOffset={4}
          className="z-50 rounded-md border border-zinc-200 bg-white px-2 py-1 text-xs text-zinc-900 shadow-md dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
        >
          {content}
        </Primitive.Content>
      </Primitive.Root>
    </Primitive.Provider>
  );
}
