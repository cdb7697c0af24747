// Old addresses answer 301, including an imported site's query addresses (/?p=123).
import { NextRequest } from "next/server";
import { beforeAll, expect, test } from "vitest";
import { redirects } from "@/db/schema";
import { write } from "@/db/transaction";
import { proxy } from "@/proxy";
import { migratedDb } from "./helpers";

beforeAll(async () => {
  migratedDb();
  await write((db) =>
    db.insert(redirects).values([
      { fromPath: "/?p=123", toPath: "/hello-world" },
      { fromPath: "/2019/05/hello", toPath: "/hello-world" },
      { fromPath: "/%CE%B5%CE%BB", toPath: "/greek" },
    ]),
  );
});

const visit = (url: string) => proxy(new NextRequest(new URL(url, "http://site.example")));

test("a query address answers 301 to its new place", async () => {
  const response = await visit("/?p=123");
  expect(response.status).toBe(301);
  expect(response.headers.get("location")).toBe("http://site.example/hello-world");
});

test("path addresses still work, with or without an unrelated query", async () => {
  expect((await visit("/2019/05/hello")).headers.get("location")).toBe("http://site.example/hello-world");
  expect((await visit("/2019/05/hello?utm_source=x")).headers.get("location")).toBe("http://site.example/hello-world");
  expect((await visit("/%CE%B5%CE%BB")).headers.get("location")).toBe("http://site.example/greek");
});

test("an unknown query on the home page is no redirect", async () => {
  expect((await visit("/?p=999")).status).toBe(200);
});
