"use client";

// Radix's accessible dialog (focus trapped and returned, Escape closes), styled the way shadcn/ui
// does. Rendered in place (no portal) so it sits inside the admin frame and follows its theme.
import * as Primitive from "@radix-ui/react-dialog";
import { X } from "lucide-react";
import { type ComponentProps, useRef } from "react";

/**
 * Radix returns focus to its Trigger; dialogs opened another way (a paste, a form's submit) have
 * none. Remember what had focus as the dialog opens (before Radix moves focus in) and give focus
 * back to it on close.
 */
function useReturnFocus(onOpenAutoFocus?: (event: Event) => void, onCloseAutoFocus?: (event: Event) => void) {
  const opener = useRef<Element | null>(null);
  return {
    onOpenAutoFocus: (event: Event) => {
      opener.current = document.activeElement;
      onOpenAutoFocus?.(event);
    },
    onCloseAutoFocus: (event: Event) => {
      onCloseAutoFocus?.(event);
      const element = opener.current;
      if (event.defaultPrevented || !(element instanceof HTMLElement) || !element.isConnected) return;
      event.preventDefault();
      element.focus();
    },
  };
}

export const Dialog = Primitive.Root;
export const DialogTrigger = Primitive.Trigger;
export const DialogClose = Primitive.Close;

const OVERLAY_CLASS = "fixed inset-0 z-40 bg-zinc-950/60";

/** A centred dialog with a title, an optional description and a close button. */
export function DialogContent({
  title,
  description,
  className = "",
  children,
  onOpenAutoFocus,
  onCloseAutoFocus,
  ...props
}: ComponentProps<typeof Primitive.Content> & { title: string; description?: string }) {
  const returnFocus = useReturnFocus(onOpenAutoFocus, onCloseAutoFocus);
  return (
    <>
      <Primitive.Overlay className={OVERLAY_CLASS} />
      <Primitive.Content
        className={`fixed top-1/2 left-1/2 z-50 max-h-[90vh] w-[calc(100%-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg border border-zinc-200 bg-white p-6 text-zinc-900 shadow-xl dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 ${className}`}
        {...(description ? {} : { "aria-describedby": undefined })}
        {...returnFocus}
        {...props}
      >
        <Primitive.Title className="pr-8 text-lg font-semibold">{title}</Primitive.Title>
        {description && (
          <Primitive.Description className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">
            {description}
          </Primitive.Description>
        )}
        <div className="mt-4">{children}</div>
        <CloseButton />
      </Primitive.Content>
    </>
  );
}

/** A panel that slides in from the left edge: the admin's menu on narrow screens. */
export function DrawerContent({
  title,
  className = "",
  children,
  ...props
}: ComponentProps<typeof Primitive.Content> & { title: string }) {
  return (
    <>
      <Primitive.Overlay className={OVERLAY_CLASS} />
      <Primitive.Content
        aria-describedby={undefined}
        className={`fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] flex-col overflow-y-auto border-r border-zinc-200 bg-white text-zinc-900 shadow-xl dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 ${className}`}
        {...props}
      >
        <Primitive.Title className="sr-only">{title}</Primitive.Title>
        {children}
        <CloseButton />
      </Primitive.Content>
    </>
  );
}

function CloseButton() {
  return (
    <Primitive.Close
      className="absolute top-3 right-3 rounded-md p-1.5 text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
      aria-label="Close"
    >
      <X className="size-5" aria-hidden />
    </Primitive.Close>
  );
}
