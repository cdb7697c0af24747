"use client";

import { ErrorView, type ErrorPageProps } from "@/components/site/error-view";

// A page that failed while rendering: a friendly sentence instead of Next's default.
export default function ErrorPage({ error, reset }: ErrorPageProps) {
  return (
    <main id="main">
      <ErrorView digest={error.digest} reset={reset} />
    </main>
  );
}
