import { describe, expect, it } from "vitest";
import { bodyLimitFor, MAX_UPLOAD_BYTES, refuseBody } from "./body-limits";

const post = (path: string, headers: Record<string, string>) =>
  new Request(`http://127.0.0.1${path}`, { method: "POST", headers });

describe("request body limits (proxy.ts)", () => {
  it("gives pages Next's server action limit, uploads the image limit and JSON APIs 8 MB", () => {
    expect(bodyLimitFor("/a-post")).toBe(1024 * 1024);
    expect(bodyLimitFor("/api/media")).toBe(MAX_UPLOAD_BYTES + 64 * 1024);
    expect(bodyLimitFor("/ghost/api/admin/images/upload/")).toBe(MAX_UPLOAD_BYTES + 64 * 1024);
    expect(bodyLimitFor("/ghost/api/admin/posts")).toBe(8 * 1024 * 1024);
    expect(bodyLimitFor("/api/comments")).toBe(1024 * 1024);
  });

  it("answers 413 with a sentence past the limit: text for a form, JSON in Ghost's shape for an API", async () => {
    const form = refuseBody(post("/a-post", { "content-length": String(10 * 1024 * 1024) }))!;
    expect(form.status).toBe(413);
    expect(await form.text()).toBe("That is too much to send at once: at most 1 MB. Nothing was saved.");
    const upload = refuseBody(post("/api/media", { "content-length": String(60 * 1024 * 1024) }))!;
    expect(upload.status).toBe(413);
    expect(await upload.json()).toMatchObject({
      errors: [{ message: "The file is too large: images may be at most 10 MB.", type: "RequestEntityTooLargeError" }],
    });
  });

  it("lets an import file through up to the ceiling of its setting; the route holds it to the setting", () => {
    const importing = (bytes: number) =>
      refuseBody(post("/api/import-export/upload", { "content-length": String(bytes) }));
    expect(importing(300 * 1024 * 1024)).toBeNull();
    expect(importing(1025 * 1024 * 1024)?.status).toBe(413);
  });

  it("lets bodies within the limit through, and refuses a page POST with no declared length", () => {
    expect(refuseBody(post("/a-post", { "content-length": "2000" }))).toBeNull();
    expect(refuseBody(post("/api/media", { "content-length": String(MAX_UPLOAD_BYTES) }))).toBeNull();
    expect(refuseBody(post("/a-post", { "transfer-encoding": "chunked" }))?.status).toBe(411);
    expect(refuseBody(post("/ghost/api/admin/posts", { "transfer-encoding": "chunked" }))).toBeNull();
  });
});
