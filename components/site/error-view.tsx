"use client";

import { useRequestId } from "./request-id";

export type ErrorPageProps = { error: Error & { digest?: string }; reset: () => void };

/**
 * What a person sees when a page fails: one sentence, a way on, and a reference the owner
 * finds in the server log: the request id (the response's X-Request-Id, on the request's
 * log line and the error's), or Next's digest where the browser cannot tell the id (no
 * script, or Server-Timing withheld outside HTTPS). Never the message or stack: in
 * production Next replaces them anyway, and they are no use to a reader.
 */
export function ErrorView({
  digest,
  reset,
  home = { href: "/", label: "Go to the home page" },
}: {
  digest?: string;
  reset?: () => void;
  home?: { href: string; label: string };
}) {
  const reference = useRequestId() ?? digest;
  return (
    <div className="mx-auto max-w-3xl px-4 py-16">
      <h1 className="text-4xl font-bold tracking-tight">Something went wrong</h1>
      <p className="mt-4">
        This page could not be shown just now. Try again in a moment; if it keeps happening, please let the site’s owner
        know.
      </p>
      <p className="mt-6 flex flex-wrap items-center gap-4">
        {reset && (
          <button
            type="button"
            onClick={reset}
            className="rounded-md bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800 dark:bg-blue-300 dark:text-zinc-950"
          >
            Try again
          </button>
        )}
        {/* A full load, not a client navigation: the router may be what failed. */}
        <a href={home.href} className="underline">
          {home.label}
        </a>
      </p>
      {reference && (
        <p className="mt-8 text-sm text-zinc-700 dark:text-zinc-300">
          Reference: <code>{reference}</code>
        </p>
      )}
    </div>
  );
}
