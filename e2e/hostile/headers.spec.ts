import { expect, type Page, test } from "../fixtures/test";
import { pngBytes } from "../fixtures/admin";
import { createPost, createTag } from "../fixtures/content";
import { signInAsOwner, unique } from "../fixtures/site";
import { mainForm, openPost, waitPastMinimumAge } from "../comments/helpers";

// Issue 6, point 2: the security headers on every kind of answer, and pages that still
// work under the policy (no CSP violation reported by the browser).

const COMMON = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
  "x-frame-options": "DENY",
};

function directives(policy: string | undefined): Map<string, string> {
  expect(policy, "Content-Security-Policy header").toBeTruthy();
  return new Map(
    policy!
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .map(([name, ...values]) => [name!, values.join(" ")]),
  );
}

test("pages, the admin, APIs, feeds, media and the 404 carry the security headers and a CSP", async ({
  page,
  request,
  baseURL,
}) => {
  const tag = await createTag({ name: `Headers ${unique()}` });
  const post = await createPost({ title: `Headers ${unique()}`, tags: [tag.slug] });
  await signInAsOwner(page);
  const upload = await page.request.post("/api/media", {
    multipart: { file: { name: "h.png", mimeType: "image/png", buffer: await pngBytes(40, 20) }, alt: "A square" },
    headers: { origin: baseURL! },
  });
  const mediaUrl = (await upload.json()).url as string;

  const pages = [`/${post.slug}`, "/", `/tag/${tag.slug}`, "/search?q=headers", `/missing-${unique()}`, "/admin/login"];
  const nonces = new Set<string>();
  for (const path of pages) {
    const response = await request.get(path);
    expect([200, 404], path).toContain(response.status());
    expect(response.headers(), path).toMatchObject(COMMON);
    const csp = directives(response.headers()["content-security-policy"]);
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp.get("script-src") ?? "")?.[1];
    expect(nonce, `${path}: a nonce`).toBeTruthy();
    nonces.add(nonce!);
    expect(csp.get("script-src"), path).toBe(`'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(csp.get("object-src")).toBe("'none'");
    expect(csp.get("base-uri")).toBe("'self'");
    expect(csp.get("form-action")).toBe("'self'");
    expect(csp.get("frame-ancestors")).toBe("'none'");
    // Every script element Next wrote carries this response's nonce.
    const html = await response.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    // The reader 404 goes out server-rendered and without Next's runtime: no script at all.
    if (response.status() === 404) expect(scripts, path).toEqual([]);
    else expect(scripts.length, path).toBeGreaterThan(0);
    for (const script of scripts)
      if (!/type="application\/ld\+json"/.test(script)) expect(script, path).toContain(`nonce="${nonce}"`);
  }
  expect(nonces.size, "a fresh nonce per response").toBe(pages.length);

  // The admin, signed in.
  const admin = await page.request.get("/admin");
  expect(admin.headers()).toMatchObject(COMMON);
  expect(directives(admin.headers()["content-security-policy"]).get("frame-ancestors")).toBe("'none'");

  // Answers that are not our HTML: nothing may run or load in them.
  for (const path of [
    "/api/health",
    "/rss.xml",
    "/atom.xml",
    "/feed.json",
    `/tag/${tag.slug}/rss.xml`,
    `/og/${post.slug}`,
    "/ghost/api/content/posts?key=bad",
  ]) {
    const response = await request.get(path);
    expect(response.headers(), path).toMatchObject(COMMON);
    const csp = directives(response.headers()["content-security-policy"]);
    expect(csp.get("default-src"), path).toBe("'none'");
    expect(csp.get("frame-ancestors"), path).toBe("'none'");
  }
  // Uploads keep their own sandbox.
  const media = await request.get(mediaUrl);
  expect(media.headers()).toMatchObject(COMMON);
  expect(media.headers()["content-security-policy"]).toBe("default-src 'none'; sandbox");
});

/** Collects CSP violations and console errors from every document the page opens. */
async function watchPolicy(page: Page) {
  const problems: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy|CSP violation|Refused to/i.test(message.text()))
      problems.push(`${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`${page.url()}: ${error.message}`));
  return problems;
}

test("reader pages, the comment form, the admin editor and its preview run under the policy without a violation", async ({
  page,
  browser,
}) => {
  const problems = await watchPolicy(page);
  const tag = await createTag({ name: `Policy ${unique()}` });
  const post = await createPost({
    title: `Policy ${unique()}`,
    tags: [tag.slug],
    markdown: "Words.\n\n```ts\nconst answer: number = 42;\n```\n",
  });
  for (const path of [
    `/${post.slug}`,
    "/",
    `/tag/${tag.slug}`,
    "/search?q=policy",
    `/missing-${unique()}`,
    "/archive",
  ]) {
    await page.goto(path);
    await expect(page.locator("main").first()).toBeVisible();
  }
  // The comment form's script (public/comments.js, with the page's nonce) posts through fetch and shows its answer.
  await openPost(page, post.slug);
  const form = mainForm(page);
  await form.getByLabel("Name", { exact: true }).fill("Policy Reader");
  await form.getByLabel("Email", { exact: true }).fill(`policy-${unique()}@example.com`);
  await form.getByLabel("Comment").fill("Scripts run under the policy.");
  await waitPastMinimumAge(page);
  await form.getByRole("button", { name: "Post comment" }).click();
  await expect(page.getByRole("status").filter({ hasText: /awaiting moderation|published/ })).toBeVisible();

  const staff = await browser.newContext();
  const adminPage = await staff.newPage();
  const adminProblems = await watchPolicy(adminPage);
  await signInAsOwner(adminPage);
  await adminPage.goto("/admin/posts/new");
  await adminPage.getByLabel("Body (Markdown)").fill("**Bold** under a policy");
  await expect(adminPage.getByTestId("preview").locator("strong")).toHaveText("Bold");
  for (const path of ["/admin/posts", "/admin/comments", "/admin/media", "/admin/users", "/admin/settings"]) {
    await adminPage.goto(path);
    await expect(adminPage.locator("main").first()).toBeVisible();
  }
  await staff.close();
  expect([...problems, ...adminProblems]).toEqual([]);
});
