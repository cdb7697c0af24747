"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { type FormEvent, type ReactNode, useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";

const TYPING_PAUSE_MS = 400;

/**
 * A GET form of list filters that applies as you choose: a select at once, a text field when typing
 * pauses, by replacing the URL (the server renders the list; focus stays where it was). Without
 * JavaScript it is an ordinary form and its button sends it.
 */
export function FilterForm({
  label,
  submitLabel,
  className = "",
  children,
}: {
  label: string;
  submitLabel: string;
  className?: string;
  children: ReactNode;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const typing = useRef<ReturnType<typeof setTimeout>>(undefined);
  const form = useRef<HTMLFormElement>(null);
  const search = useSearchParams().toString();
  const applied = useRef(search);
  // A link that changes the filters (an empty list's "Clear filters") renders new defaults, but fields
  // already typed in keep their text: reset them to the new defaults. Not for the URLs this form set
  // itself, or what is being typed would be lost.
  useEffect(() => {
    if (search !== applied.current) form.current?.reset();
    applied.current = search;
  }, [search]);

  const apply = (form: HTMLFormElement) => {
    clearTimeout(typing.current);
    const query = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (typeof value === "string" && value !== "") query.append(name, value);
    }
    applied.current = query.toString();
    router.replace(applied.current ? `${pathname}?${applied.current}` : pathname, { scroll: false });
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    apply(event.currentTarget);
  };
  const change = (event: FormEvent<HTMLFormElement>) => {
    const form = event.currentTarget;
    const target = event.target as HTMLElement;
    clearTimeout(typing.current);
    if (target instanceof HTMLInputElement && !["checkbox", "radio"].includes(target.type)) {
      typing.current = setTimeout(() => apply(form), TYPING_PAUSE_MS);
    } else {
      apply(form);
    }
  };

  return (
    <form
      ref={form}
      method="get"
      role="search"
      aria-label={label}
      onSubmit={submit}
      onChange={change}
      className={`flex flex-wrap items-end gap-3 ${className}`}
    >
      {children}
      {/* Kept for keyboards and for pages without JavaScript; secondary, since choosing applies. */}
      <Button type="submit" variant="secondary">
        {submitLabel}
      </Button>
    </form>
  );
}
