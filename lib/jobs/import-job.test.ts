import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, posts, redirects } from "@/db/schema";
import { getImportJob, insertCheckedJob, queueImportJob } from "@/db/queries/import-jobs";
import { PEOPLE, row, seedSite } from "@/test/admin-fixture";
import { currentState, INTERRUPTED, runImportJob } from "./import-job";

const WXR = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Old blog</title><link>http://old.example</link><wp:wxr_version>1.2</wp:wxr_version>
<item><title>Harbour notes</title><link>http://old.example/2019/05/harbour-notes/</link><dc:creator>admin</dc:creator>
<content:encoded><![CDATA[<p>The boats came in at dawn.</p>]]></content:encoded><wp:post_id>7</wp:post_id>
<wp:post_date_gmt>2019-05-01 10:00:00</wp:post_date_gmt><wp:post_name>harbour-notes</wp:post_name>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>
</channel></rss>`;

const owner = { id: PEOPLE.owner.id, label: PEOPLE.owner.name };
const postCount = async () => (await row(getDb().select({ n: count() }).from(posts)))!.n;

async function checkedJob(id: string, contents = WXR) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "import-job-")), "upload.xml");
  fs.writeFileSync(file, contents);
  await insertCheckedJob({
    id,
    filePath: file,
    fileName: "old-blog.xml",
    fileBytes: contents.length,
    format: "wordpress",
    dryRunReport: {},
    createdBy: owner.id,
  });
  return file;
}

describe("import jobs", () => {
  beforeEach(() => seedSite());

  it("a confirmed job runs to done: the post is imported, the report kept, the upload removed", async () => {
    const file = await checkedJob("00000000-0000-4000-8000-000000000001");
    expect(await queueImportJob("00000000-0000-4000-8000-000000000001", owner)).toBe("queued");
    await runImportJob("00000000-0000-4000-8000-000000000001", owner.label);

    const job = (await getImportJob("00000000-0000-4000-8000-000000000001"))!;
    expect(job.status).toBe("done");
    expect(job.report).toMatchObject({ file: "old-blog.xml", format: "wordpress", created: { post: 1 } });
    expect(
      await row(getDb().select({ title: posts.title }).from(posts).where(eq(posts.slug, "harbour-notes"))),
    ).toEqual({ title: "Harbour notes" });
    expect(
      await row(
        getDb()
          .select({ toPath: redirects.toPath })
          .from(redirects)
          .where(eq(redirects.fromPath, "/2019/05/harbour-notes")),
      ),
    ).toEqual({ toPath: "/harbour-notes" });
    expect(
      await row(
        getDb().select({ actorId: auditLog.actorId }).from(auditLog).where(eq(auditLog.action, "site.import_started")),
      ),
    ).toEqual({ actorId: owner.id });
    expect(fs.existsSync(file)).toBe(false);
  });

  it("only one import at a time: a second confirmation is refused while the first is queued", async () => {
    await checkedJob("00000000-0000-4000-8000-000000000002");
    await checkedJob("00000000-0000-4000-8000-000000000003");
    expect(await queueImportJob("00000000-0000-4000-8000-000000000002", owner)).toBe("queued");
    expect(await queueImportJob("00000000-0000-4000-8000-000000000003", owner)).toBe("busy");
    expect((await getImportJob("00000000-0000-4000-8000-000000000003"))!.status).toBe("checked");
  });

  it("a job cannot be started twice, nor one that was never checked", async () => {
    expect(await queueImportJob("00000000-0000-4000-8000-000000000005", owner)).toBe("missing");
    await checkedJob("00000000-0000-4000-8000-000000000004");
    expect(await queueImportJob("00000000-0000-4000-8000-000000000004", owner)).toBe("queued");
    await runImportJob("00000000-0000-4000-8000-000000000004", owner.label);
    expect(await queueImportJob("00000000-0000-4000-8000-000000000004", owner)).toBe("missing");
  });

  it("a file that fails to import leaves the job failed with the reason, and the site unchanged", async () => {
    await checkedJob("00000000-0000-4000-8000-000000000006", "<rss><channel><item>");
    const before = await postCount();
    await queueImportJob("00000000-0000-4000-8000-000000000006", owner);
    await runImportJob("00000000-0000-4000-8000-000000000006", owner.label);
    const job = (await getImportJob("00000000-0000-4000-8000-000000000006"))!;
    expect(job.status).toBe("failed");
    expect(job.error).toMatch(/Nothing was changed\.$/);
    expect(await postCount()).toBe(before);
  });

  it("a job the database calls running but no process runs (a restart) is shown as failed", async () => {
    await checkedJob("00000000-0000-4000-8000-000000000007");
    await queueImportJob("00000000-0000-4000-8000-000000000007", owner);
    const job = await currentState((await getImportJob("00000000-0000-4000-8000-000000000007"))!);
    expect(job).toMatchObject({ status: "failed", error: INTERRUPTED });
    expect((await getImportJob("00000000-0000-4000-8000-000000000007"))!.status).toBe("failed");
  });
});
