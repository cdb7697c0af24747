// Screenshots for the README's "Admin" section, against a fresh server:
//   QUIRE_DATA_DIR=$(mktemp -d) PORT=3301 npm start &
//   npx tsx e2e/tools/admin-screenshots.ts http://127.0.0.1:3301
import { chromium } from "@playwright/test";

const base = process.argv[2] ?? "http://127.0.0.1:3301";
const out = "docs/screenshots";

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: "light" });
  await page.goto(`${base}/admin/setup`);
  await page.getByLabel("Site title").fill("Field Notes");
  await page.getByLabel("Your name").fill("Ada Lovelace");
  await page.getByLabel("Email").fill("ada@example.com");
  await page.getByLabel("Password", { exact: true }).fill("correct horse battery");
  await page.getByLabel(/Repeat|Confirm/).fill("correct horse battery");
  await page.getByRole("button", { name: /Create|Set up/ }).click();
  await page.getByRole("heading", { name: "Dashboard" }).waitFor();

  for (const [title, body] of [
    [
      "Notes on the Analytical Engine",
      "The engine **weaves algebraic patterns** just as the Jacquard loom weaves flowers and leaves.\n\n## Operations\n\n- addition\n- multiplication\n\n> It has no pretensions to originate anything.\n\n```js\nconst bernoulli = (n) => n;\n```",
    ],
    ["A draft about looms", "Still thinking about *punched cards*."],
  ]) {
    await page.goto(`${base}/admin/posts/new`);
    await page.getByLabel("Title", { exact: true }).fill(title!);
    await page.getByLabel("Body (Markdown)").fill(body!);
    await page.getByRole("button", { name: "Save draft" }).click();
    await page.waitForURL(/done=saved/);
  }
  await page.getByRole("button", { name: "Publish now" }).click();
  await page.getByText("Status: Published").waitFor();

  await page.goto(`${base}/admin/posts/new`);
  await page.getByLabel("Title", { exact: true }).fill("Notes on the Analytical Engine, part two");
  await page
    .getByLabel("Body (Markdown)")
    .fill(
      "The engine **weaves algebraic patterns** just as the Jacquard loom weaves flowers and leaves.\n\n## Operations\n\n- addition\n- multiplication\n\n> It has no pretensions to originate anything.",
    );
  await page.getByLabel("Tags").fill("History, Computing");
  await page.getByTestId("preview").getByRole("heading", { name: "Operations" }).waitFor();
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  await page.screenshot({ path: `${out}/editor.png`, fullPage: false });

  await page.goto(`${base}/admin/users`);
  await page.getByLabel("Email address to invite").fill("grace@example.com");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await page.getByLabel("Invite link").waitFor();
  await page.screenshot({ path: `${out}/users.png`, fullPage: true });

  await page.goto(`${base}/admin`);
  await page.screenshot({ path: `${out}/dashboard.png`, fullPage: true });
  await browser.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
