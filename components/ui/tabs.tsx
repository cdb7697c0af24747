"use client";

// Radix's accessible tabs (arrow keys move between tabs), styled the way shadcn/ui does.
import * as Primitive from "@radix-ui/react-tabs";
import type { ComponentProps } from "react";

export const Tabs = Primitive.Root;
export const TabsContent = Primitive.Content;

export function TabsList({ className = "", ...props }: ComponentProps<typeof Primitive.List>) {
  return (
    <Primitive.List
      className={`inline-flex gap-1 rounded-md bg-zinc-100 p-1 dark:bg-zinc-800 ${className}`}
      {...props}
    />
  );
}

export function TabsTrigger({ className = "", ...props }: ComponentProps<typeof Primitive.Trigger>) {
  return (
    <Primitive.Trigger
      className={`rounded-sm px-3 py-1 text-sm font-medium text-zinc-700 data-[state=active]:bg-white data-[state=active]:text-zinc-900 data-[state=active]:shadow-sm dark:text-zinc-300 dark:data-[state=active]:bg-zinc-950 dark:data-[state=active]:text-zinc-100 ${className}`}
      {...props}
    />
  );
}
