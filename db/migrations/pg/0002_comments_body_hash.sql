-- The duplicate-comment check finds the same words on a post by their hash (SHA-256 hex of
-- the markdown as written, UTF-8, as db/queries/comments.ts commentBodyHash computes it),
-- through the index below. Existing rows are hashed here, before the index is built.
ALTER TABLE "comments" ADD COLUMN "body_hash" text;--> statement-breakpoint
UPDATE "comments" SET "body_hash" = encode(sha256(convert_to("markdown", 'UTF8')), 'hex');--> statement-breakpoint
CREATE INDEX "comments_post_body_hash_idx" ON "comments" USING btree ("post_id","body_hash");
