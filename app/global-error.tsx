"use client";

import { ErrorView, type ErrorPageProps } from "@/components/site/error-view";
import "./globals.css";

// When the root layout itself fails, this replaces it, so it brings its own <html> and <body>.
export default function GlobalError({ error, reset }: ErrorPageProps) {
  return (
    <html lang="en">
      <head>
        <title>Something went wrong</title>
      </head>
      <body className="min-h-screen font-sans">
        <main id="main">
          <ErrorView digest={error.digest} reset={reset} />
        </main>
      </body>
    </html>
  );
}
