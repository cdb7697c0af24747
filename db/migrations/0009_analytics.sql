CREATE TABLE `analytics_daily` (
	`day` text NOT NULL,
	`dimension` text NOT NULL,
	`key` text NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`day`, `dimension`, `key`)
);
--> statement-breakpoint
CREATE INDEX `analytics_daily_dimension_idx` ON `analytics_daily` (`dimension`,`day`);