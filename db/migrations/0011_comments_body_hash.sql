-- The duplicate-comment check finds the same words on a post by their hash (SHA-256 hex of
-- the markdown as written, db/queries/comments.ts commentBodyHash) through the index below.
-- Not backfilled: SQLite has no SHA-256 function. Rows written before this migration keep
-- a null hash and the check looks them up by their text instead, through the same index
-- (post_id, body_hash IS NULL): as fast as before on the posts that have them, and no
-- slower for the comments written from now on.
ALTER TABLE `comments` ADD `body_hash` text;--> statement-breakpoint
CREATE INDEX `comments_post_body_hash_idx` ON `comments` (`post_id`,`body_hash`);
