import { expect, test } from "../fixtures/test";
import { run } from "../fixtures/db";
import { commentsBy, createPost, expectAlert, expectStatus, openPost, person, writeComment } from "./helpers";

test("scripts, event handlers and dangerous link schemes in a comment render inert", async ({ page }) => {
  const post = await createPost();
  const attacker = person("Mallory");
  const name = `<img src=x onerror="window.pwned=1">${attacker.name}`;
  const body = [
    "<script>window.pwned=1</script>",
    '<a href="https://ok.example" onclick="window.pwned=1">raw html link</a>',
    "[js](javascript:window.pwned=1) [data](data:text/html;base64,PHNjcmlwdD4=) [enc](&#106;avascript:window.pwned=1) [fine](https://fine.example/page)",
  ].join("\n\n");
  let dialogs = 0;
  page.on("dialog", (dialog) => {
    dialogs++;
    void dialog.dismiss();
  });

  await openPost(page, post.slug);
  await writeComment(page, { name, email: attacker.email, url: "https://mallory.example", body });
  await expectStatus(page, "Thanks! Your comment is awaiting moderation.");
  const [stored] = await commentsBy(attacker.email);
  // What was typed survives as escaped text; no element, attribute or href carries it.
  expect(stored!.html).not.toMatch(/<(script|img|iframe)|<[^>]*\son\w+=|href="(?!https:\/\/)/i);

  // Approved, it shows as text; the only link left is the https one, marked nofollow ugc.
  await run("UPDATE comments SET status = 'approved' WHERE id = ?", stored!.id);
  await page.goto(`/${post.slug}`);
  const comment = page.getByRole("article", { name: `Comment by ${name}` });
  await expect(comment).toContainText("<script>window.pwned=1</script>");
  await expect(comment.getByRole("link", { name: "fine" })).toHaveAttribute("href", "https://fine.example/page");
  await expect(comment.getByRole("link", { name: "fine" })).toHaveAttribute("rel", "nofollow ugc noopener");
  for (const text of ["js", "data", "enc"])
    await expect(comment.getByRole("link", { name: text, exact: true })).toHaveCount(0);
  await expect(comment.getByRole("link", { name })).toHaveAttribute("rel", "nofollow ugc noopener");
  await expect(comment.locator("img, script, [onclick], [onerror]")).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
  expect(dialogs).toBe(0);
});

test("a website that is not http(s) is refused, and a stored one never becomes a link", async ({ page }) => {
  const post = await createPost();
  const attacker = person("Trudy");
  await openPost(page, post.slug);
  await writeComment(page, { ...attacker, url: "javascript:alert(1)", body: "Hello there." });
  await expectAlert(page, "Some fields need your attention.");
  await expect(page.getByText("Enter a web address starting with http:// or https://.")).toBeVisible();
  expect(await commentsBy(attacker.email)).toHaveLength(0);

  // Even if such a value reached the database (an import, an old version), it is shown as plain text.
  await run(
    "INSERT INTO comments (post_id, status, author_name, author_email, author_url, markdown, html) VALUES (?, 'approved', ?, ?, 'javascript:alert(1)', 'x', '<p>x</p>')",
    post.id,
    attacker.name,
    attacker.email,
  );
  await page.goto(`/${post.slug}`);
  const comment = page.getByRole("article", { name: `Comment by ${attacker.name}` });
  await expect(comment.getByText(attacker.name, { exact: true })).toBeVisible();
  await expect(comment.getByRole("link", { name: attacker.name })).toHaveCount(0);
});
