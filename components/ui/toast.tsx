"use client";

import { createContext, type ReactNode, useContext, useEffect } from "react";
import { toast } from "sonner";

const ToastsShown = createContext(false);

/** Marks a part of the page where a Toaster is mounted (the admin frame): confirmations go there. */
export function ToastArea({ children }: { children: ReactNode }) {
  return <ToastsShown.Provider value>{children}</ToastsShown.Provider>;
}

/**
 * A confirmation ("Draft saved."): a toast inside the admin frame, a line of text elsewhere (sign-in,
 * setup). The toast's text keeps role="status", so it is announced and found like the line was.
 */
export function Confirmation({ message, result }: { message: string; result?: object }) {
  const toasts = useContext(ToastsShown);
  // One toast per message: a second "Draft saved." (the save, then the page it leads to) replaces the first.
  useEffect(() => {
    if (toasts) toast.success(<span role="status">{message}</span>, { id: message, duration: 6000 });
  }, [toasts, message, result]);
  if (toasts) return null;
  return (
    <p
      role="status"
      className="rounded-md bg-green-50 p-3 text-sm text-green-900 dark:bg-green-950 dark:text-green-100"
    >
      {message}
    </p>
  );
}
