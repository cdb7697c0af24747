"use client";

// Radix's accessible popover (focus moves in, Escape closes and returns focus to the trigger), styled
// the way shadcn/ui does. Rendered in place (no portal) so it follows the admin frame's theme.
import * as Primitive from "@radix-ui/react-popover";
import type { ComponentProps } from "react";

export const Popover = Primitive.Root;
export const PopoverTrigger = Primitive.Trigger;
export const PopoverClose = Primitive.Close;

export function PopoverContent({
  className = "",
  sideOffset = 6,
  align = "end",
  ...props
}: ComponentProps<typeof Primitive.Content>) {
  return (
    <Primitive.Content
      sideOffset={sideOffset}
      align={align}
      className={`z-50 w-80 max-w-[calc(100vw-2rem)] rounded-md border border-zinc-200 bg-white p-4 text-zinc-900 shadow-lg dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 ${className}`}
      {...props}
    />
  );
}
