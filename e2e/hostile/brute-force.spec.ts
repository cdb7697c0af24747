import { expect, type Page, request as playwrightRequest, test } from "../fixtures/test";
import { createPost } from "../fixtures/content";
import { createStaff, query } from "../fixtures/db";
import { signIn, unique } from "../fixtures/site";
import { builtActions, callAction } from "./server-actions";

// Guessing passwords and flooding forms. All requests come from 127.0.0.1, so the
// per-address brakes apply to every test here: each ends with a successful sign-in,
// which clears its address, so the other journeys' sign-ins never wait.
const WRONG = "Email or password is incorrect.";

async function expectRefused(page: Page) {
  await expect(page.getByRole("alert").filter({ hasText: WRONG })).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/login/);
}

/**
 * Tries again on the sign-in page the refusal left open, without loading it afresh: the
 * first wait is one second, and a fresh page load on a busy machine can outlast it.
 */
async function tryAgainAtOnce(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Retries the right password until the lock's wait is over and the dashboard opens. */
async function signInOnceTheWaitIsOver(page: Page, person: { email: string; password: string }) {
  await expect(async () => {
    await signIn(page, person.email, person.password);
    await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible({ timeout: 1000 });
  }).toPass({ intervals: [300], timeout: 10_000 });
}

test("five wrong passwords lock the account: even the right one is refused, with the same message, until the wait passes", async ({
  page,
}) => {
  const person = await createStaff({
    role: "author",
    email: `guessed-${unique()}@example.com`,
    name: `Guessed ${unique()}`,
    password: "the right password",
  });
  for (let i = 0; i < 5; i++) {
    await signIn(page, person.email, `guess number ${i}`);
    await expectRefused(page);
  }
  const lockedAt = Date.now();
  await tryAgainAtOnce(page, person.email, person.password);
  await expectRefused(page);
  // The first wait is one second; retrying inside it does not lengthen it.
  await signInOnceTheWaitIsOver(page, person);
  expect(Date.now() - lockedAt).toBeGreaterThanOrEqual(1000);
});

test("five failures from one address with unknown emails lock that address for every account", async ({ page }) => {
  const person = await createStaff({
    role: "editor",
    email: `bystander-${unique()}@example.com`,
    name: `Bystander ${unique()}`,
    password: "the right password",
  });
  for (let i = 0; i < 5; i++) {
    await signIn(page, `nobody-${i}-${unique()}@example.com`, "whatever it is");
    await expectRefused(page);
  }
  await tryAgainAtOnce(page, person.email, person.password);
  await expectRefused(page);
  await signInOnceTheWaitIsOver(page, person);
});

test("password-reset requests are capped per address, known or not", async ({ page }) => {
  const email = `reset-flood-${unique()}@example.com`;
  await page.goto("/admin/reset-password");
  const answers: string[] = [];
  for (let i = 0; i < 4; i++) {
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Send me a reset link" }).click();
    const status = page.getByRole("alert").or(page.getByRole("status")).filter({ hasText: /reset/i });
    await expect(status).toHaveCount(1);
    answers.push((await status.textContent()) ?? "");
    if (i < 3) await page.reload();
  }
  expect(answers.slice(0, 3).every((a) => a.includes("If that address belongs to a staff account"))).toBe(true);
  expect(answers[3]).toContain("Too many reset requests for now");
});

test("guessing invitation links slows down after five tries", async ({ baseURL }) => {
  const accept = builtActions().find((a) => a.name === "acceptInviteAction")!;
  const client = await playwrightRequest.newContext({ baseURL });
  const answers: string[] = [];
  for (let i = 0; i < 6; i++) {
    const response = await callAction(
      client,
      accept,
      [
        null,
        {
          token: `guess-${i}-${unique()}-0123456789`,
          name: "Guesser",
          password: "a long password",
          confirmPassword: "a long password",
        },
      ],
      { origin: new URL(baseURL!).origin },
    );
    answers.push(await response.text());
  }
  await client.dispose();
  expect(answers.slice(0, 5).every((a) => a.includes("This invitation has expired or was already used"))).toBe(true);
  expect(answers[5]).toContain("Too many attempts from your network");
});

test("fifty commenters at once on one post: the per-post limit holds", async ({ baseURL }) => {
  test.setTimeout(60_000);
  const site = new URL(baseURL!).origin;
  const post = await createPost({ title: `Flooded ${unique()}` });
  const postComment = { ...builtActions().find((a) => a.name === "postCommentAction")!, page: `/${post.slug}` };
  const viewer = await playwrightRequest.newContext({ baseURL });
  const { issued } = (await (await viewer.get("/api/comments/viewer")).json()) as { issued: string };
  await viewer.dispose();
  // The form refuses anything sent within 3 s of showing it (a bot's speed).
  await new Promise((resolve) => setTimeout(resolve, 3_100));

  const clients = await Promise.all(Array.from({ length: 50 }, () => playwrightRequest.newContext({ baseURL })));
  const u = unique();
  const answers = await Promise.all(
    clients.map(async (client, i) => {
      const response = await callAction(
        client,
        postComment,
        [
          null,
          {
            postId: post.id,
            name: `Flooder ${i}`,
            email: `flood-${u}-${i}@example.com`,
            body: `Comment ${i} of the flood ${u}: ${"word ".repeat(i % 7)}${i * 7919}`,
            issued,
          },
        ],
        { origin: site },
      );
      return { status: response.status(), text: await response.text() };
    }),
  );
  await Promise.all(clients.map((client) => client.dispose()));

  expect(answers.every((a) => a.status === 200)).toBe(true);
  const limited = answers.filter((a) => a.text.includes("Too many comments for now")).length;
  const stored = (await query<{ n: number }>("SELECT count(*) AS n FROM comments WHERE post_id = ?", post.id))[0]!.n;
  test.info().annotations.push({ type: "flood", description: `50 concurrent: ${stored} stored, ${limited} limited` });
  console.log(`[flood] 50 concurrent commenters: ${stored} stored, ${limited} limited`);
  expect(stored).toBe(20);
  expect(limited).toBe(30);
});
