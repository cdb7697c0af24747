"use client";

import { ErrorView, type ErrorPageProps } from "@/components/site/error-view";

// An admin page that failed: the same page as the reader's, leading back to the dashboard.
export default function AdminErrorPage({ error, reset }: ErrorPageProps) {
  return (
    <main id="main">
      <ErrorView digest={error.digest} reset={reset} home={{ href: "/admin", label: "Back to the dashboard" }} />
    </main>
  );
}
