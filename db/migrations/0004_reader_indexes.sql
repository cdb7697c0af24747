DROP INDEX `posts_listing_idx`;--> statement-breakpoint
DROP INDEX `posts_author_idx`;--> statement-breakpoint
CREATE INDEX `posts_visibility_idx` ON `posts` (`id`,`type`,`status`,`deleted_at`,`published_at`);--> statement-breakpoint
CREATE INDEX `posts_listing_idx` ON `posts` (`type`,`status`,`deleted_at`,`published_at`,`id`);--> statement-breakpoint
CREATE INDEX `posts_author_idx` ON `posts` (`author_id`,`type`,`status`,`deleted_at`,`published_at`);