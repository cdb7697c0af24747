// Screenshots of the import and export for the README, against a fresh server (every other admin
// screen, desktop and phone, light and dark, comes from e2e/admin/admin-screenshots.spec.ts):
//   QUIRE_DATA_DIR=$(mktemp -d) PORT=3301 npm start &
//   npx tsx e2e/tools/admin-screenshots.ts http://127.0.0.1:3301
import path from "node:path";
import { chromium } from "@playwright/test";

const base = process.argv[2] ?? "http://127.0.0.1:3301";
const out = "docs/screenshots";
const THEME_UNIT_TEST = path.join("test", "corpora", "wordpress", "themeunittestdata.wordpress.xml");

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

  // Import / Export: the page, the dry run of the WordPress Theme Unit Test, the finished import.
  await page.goto(`${base}/admin/settings/import-export`);
  await page.getByRole("heading", { name: "Import / Export", level: 1 }).waitFor();
  await page.screenshot({ path: `${out}/import-export.png`, fullPage: true });
  await page.getByLabel("File to import").setInputFiles(THEME_UNIT_TEST);
  await page.getByRole("button", { name: "Upload and check" }).click();
  await page.getByRole("region", { name: /Dry run/ }).waitFor({ timeout: 120_000 });
  await page.screenshot({ path: `${out}/import-dry-run.png`, fullPage: true });
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await page.getByRole("region", { name: "Import report" }).waitFor({ timeout: 180_000 });
  await page.screenshot({ path: `${out}/import-report.png`, fullPage: true });

  await browser.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
