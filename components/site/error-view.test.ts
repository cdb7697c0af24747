import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ErrorView } from "./error-view";

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("the error page", () => {
  it("says what happened in a sentence, leads home and gives the digest as a reference", () => {
    const html = renderToStaticMarkup(createElement(ErrorView, { digest: "3141592653", reset: () => {} }));
    expect(text(html)).toContain("Something went wrong");
    expect(html).toContain('<a href="/" class="underline">Go to the home page</a>');
    expect(text(html)).toContain("Reference: 3141592653");
    expect(html).toContain(">Try again</button>");
  });

  it("leads staff back to the dashboard", () => {
    const html = renderToStaticMarkup(
      createElement(ErrorView, { home: { href: "/admin", label: "Back to the dashboard" } }),
    );
    expect(html).toContain('<a href="/admin" class="underline">Back to the dashboard</a>');
    expect(html).not.toContain("Reference");
  });
});
