CREATE TABLE `import_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source_format` text NOT NULL,
	`source_kind` text NOT NULL,
	`source_id` text NOT NULL,
	`target_type` text NOT NULL,
	`target_id` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `import_items_source_unique` ON `import_items` (`source_format`,`source_kind`,`source_id`);--> statement-breakpoint
CREATE INDEX `import_items_target_idx` ON `import_items` (`target_type`,`target_id`);--> statement-breakpoint
ALTER TABLE `comments` ADD `kind` text DEFAULT 'comment' NOT NULL;