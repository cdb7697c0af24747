-- posts_fts named `posts` as its external content table but called its columns
-- `excerpt` and `body`, which `posts` does not have: MATCH and bm25() worked from the
-- index alone, while snippet(), highlight() and 'rebuild' failed ("no such column:
-- T.excerpt"). The index now uses the names of the columns it reads from `posts`.
-- (Not a view: a view over `posts` would break drizzle-kit's table rebuilds.)
DROP TRIGGER `posts_fts_after_insert`;
--> statement-breakpoint
DROP TRIGGER `posts_fts_after_delete`;
--> statement-breakpoint
DROP TRIGGER `posts_fts_after_update`;
--> statement-breakpoint
DROP TABLE `posts_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `posts_fts` USING fts5(
	title,
	custom_excerpt,
	plaintext,
	content='posts',
	content_rowid='id',
	tokenize='porter unicode61 remove_diacritics 2'
);
--> statement-breakpoint
INSERT INTO `posts_fts`(`posts_fts`) VALUES ('rebuild');
--> statement-breakpoint
CREATE TRIGGER `posts_fts_after_insert` AFTER INSERT ON `posts` BEGIN
	INSERT INTO `posts_fts`(rowid, title, custom_excerpt, plaintext)
		VALUES (new.id, new.title, new.custom_excerpt, new.plaintext);
END;
--> statement-breakpoint
CREATE TRIGGER `posts_fts_after_delete` AFTER DELETE ON `posts` BEGIN
	INSERT INTO `posts_fts`(`posts_fts`, rowid, title, custom_excerpt, plaintext)
		VALUES ('delete', old.id, old.title, old.custom_excerpt, old.plaintext);
END;
--> statement-breakpoint
-- Only text changes touch the index: publishing or a version bump leaves it alone.
CREATE TRIGGER `posts_fts_after_update` AFTER UPDATE OF title, custom_excerpt, plaintext ON `posts` BEGIN
	INSERT INTO `posts_fts`(`posts_fts`, rowid, title, custom_excerpt, plaintext)
		VALUES ('delete', old.id, old.title, old.custom_excerpt, old.plaintext);
	INSERT INTO `posts_fts`(rowid, title, custom_excerpt, plaintext)
		VALUES (new.id, new.title, new.custom_excerpt, new.plaintext);
END;
