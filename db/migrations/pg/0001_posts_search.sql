-- Full-text search over posts and pages: PostgreSQL's counterpart of SQLite's FTS5 table
-- posts_fts (db/migrations/0001 and 0003). Written by hand and not declared in
-- db/schema/pg.ts, so `select().from(posts)` never fetches it (see the comment there).
--
-- Weights: title A, custom excerpt B, body C, for ts_rank_cd, as SQLite's bm25 weighs
-- the title 10. Configuration 'english', not 'simple': SQLite's index uses the porter
-- stemmer, so "publishing" finds "published" there, and the same search must find the
-- same posts on both databases. What differs, for the search module to handle: 'english'
-- drops stop words ("the", "a") where FTS5 keeps them, and it does not fold diacritics
-- as FTS5's remove_diacritics does (unaccent is not immutable, so a generated column
-- cannot use it).
-- A generated column is kept up to date by PostgreSQL itself, on insert and on update:
-- no triggers, as SQLite needs.
ALTER TABLE "posts" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
	setweight(to_tsvector('english'::regconfig, "title"), 'A') ||
	setweight(to_tsvector('english'::regconfig, coalesce("custom_excerpt", '')), 'B') ||
	setweight(to_tsvector('english'::regconfig, "plaintext"), 'C')
) STORED;
--> statement-breakpoint
CREATE INDEX "posts_search_idx" ON "posts" USING gin ("search");
