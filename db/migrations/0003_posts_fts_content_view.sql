-- posts_fts named `posts` as its external content table, but `posts` has no `excerpt`
-- or `body` columns: MATCH and bm25() worked from the index alone, while snippet(),
-- highlight() and a 'rebuild' failed ("no such column: T.excerpt"). The content now
-- comes from a view whose columns carry the index's names, exactly as the triggers
-- write them (coalesce(custom_excerpt, ''), plaintext).
CREATE VIEW `posts_fts_source` AS
	SELECT id, title, coalesce(custom_excerpt, '') AS excerpt, plaintext AS body FROM `posts`;
--> statement-breakpoint
DROP TABLE `posts_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `posts_fts` USING fts5(
	title,
	excerpt,
	body,
	content='posts_fts_source',
	content_rowid='id',
	tokenize='porter unicode61 remove_diacritics 2'
);
--> statement-breakpoint
INSERT INTO `posts_fts`(`posts_fts`) VALUES ('rebuild');
