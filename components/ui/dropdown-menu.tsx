"use client";

// Radix's accessible dropdown menu, styled the way shadcn/ui does. Rendered in place (no portal) so
// it sits inside the admin frame and follows its light/dark choice.
import * as Menu from "@radix-ui/react-dropdown-menu";
import { Check } from "lucide-react";
import type { ComponentProps } from "react";

export const DropdownMenu = Menu.Root;
export const DropdownMenuTrigger = Menu.Trigger;
export const DropdownMenuGroup = Menu.Group;
export const DropdownMenuRadioGroup = Menu.RadioGroup;

export function DropdownMenuContent({ className = "", sideOffset = 6, ...props }: ComponentProps<typeof Menu.Content>) {
  return (
    <Menu.Content
      sideOffset={sideOffset}
      className={`z-50 min-w-48 rounded-md border border-zinc-200 bg-white p-1 text-zinc-900 shadow-lg dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 ${className}`}
      {...props}
    />
  );
}

const ITEM_CLASS =
  "relative flex cursor-default select-none items-center gap-2 rounded-sm px-2 py-1.5 text-sm text-zinc-900 no-underline outline-none data-[highlighted]:bg-zinc-100 data-[disabled]:opacity-50 dark:text-zinc-100 dark:data-[highlighted]:bg-zinc-800";

export function DropdownMenuItem({ className = "", ...props }: ComponentProps<typeof Menu.Item>) {
  return <Menu.Item className={`${ITEM_CLASS} ${className}`} {...props} />;
}

export function DropdownMenuRadioItem({ className = "", children, ...props }: ComponentProps<typeof Menu.RadioItem>) {
  return (
    <Menu.RadioItem className={`${ITEM_CLASS} pl-8 ${className}`} {...props}>
      <span className="absolute left-2 flex size-4 items-center justify-center">
        <Menu.ItemIndicator>
          <Check className="size-4" aria-hidden />
        </Menu.ItemIndicator>
      </span>
      {children}
    </Menu.RadioItem>
  );
}

export function DropdownMenuLabel({ className = "", ...props }: ComponentProps<typeof Menu.Label>) {
  return (
    <Menu.Label
      className={`px-2 py-1.5 text-xs font-semibold text-zinc-600 dark:text-zinc-400 ${className}`}
      {...props}
    />
  );
}

export function DropdownMenuSeparator({ className = "", ...props }: ComponentProps<typeof Menu.Separator>) {
  return <Menu.Separator className={`-mx-1 my-1 h-px bg-zinc-200 dark:bg-zinc-700 ${className}`} {...props} />;
}
