-- Full-text search over posts and pages (SQLite FTS5, external content: the text lives in `posts`).
-- porter stems English words ("publishing" matches "published"); unicode61 folds case and diacritics.
CREATE VIRTUAL TABLE `posts_fts` USING fts5(
	title,
	excerpt,
	body,
	content='posts',
	content_rowid='id',
	tokenize='porter unicode61 remove_diacritics 2'
);
--> statement-breakpoint
INSERT INTO `posts_fts`(rowid, title, excerpt, body)
	SELECT id, title, coalesce(custom_excerpt, ''), plaintext FROM `posts`;
--> statement-breakpoint
CREATE TRIGGER `posts_fts_after_insert` AFTER INSERT ON `posts` BEGIN
	INSERT INTO `posts_fts`(rowid, title, excerpt, body)
		VALUES (new.id, new.title, coalesce(new.custom_excerpt, ''), new.plaintext);
END;
--> statement-breakpoint
CREATE TRIGGER `posts_fts_after_delete` AFTER DELETE ON `posts` BEGIN
	INSERT INTO `posts_fts`(`posts_fts`, rowid, title, excerpt, body)
		VALUES ('delete', old.id, old.title, coalesce(old.custom_excerpt, ''), old.plaintext);
END;
--> statement-breakpoint
-- Only text changes touch the index: publishing or a version bump leaves it alone.
CREATE TRIGGER `posts_fts_after_update` AFTER UPDATE OF title, custom_excerpt, plaintext ON `posts` BEGIN
	INSERT INTO `posts_fts`(`posts_fts`, rowid, title, excerpt, body)
		VALUES ('delete', old.id, old.title, coalesce(old.custom_excerpt, ''), old.plaintext);
	INSERT INTO `posts_fts`(rowid, title, excerpt, body)
		VALUES (new.id, new.title, coalesce(new.custom_excerpt, ''), new.plaintext);
END;
