CREATE TABLE `match_forms` (
	`id` integer PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`slug` text NOT NULL,
	`form` text NOT NULL,
	`contextual` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `match_forms_entity` ON `match_forms` (`kind`,`slug`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_role_aliases` (
	`id` integer PRIMARY KEY NOT NULL,
	`role_id` integer NOT NULL,
	`alias` text NOT NULL,
	`normalized` text NOT NULL,
	`lang` text NOT NULL,
	`document_id` integer,
	`line` integer,
	`curated_file` text,
	FOREIGN KEY (`role_id`) REFERENCES `roles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "role_aliases_source" CHECK(("__new_role_aliases"."line" is null) <> ("__new_role_aliases"."curated_file" is null))
);
--> statement-breakpoint
-- The seed builds every database from empty: there are no rows to copy.
DROP TABLE `role_aliases`;--> statement-breakpoint
ALTER TABLE `__new_role_aliases` RENAME TO `role_aliases`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `role_aliases_normalized` ON `role_aliases` (`normalized`);--> statement-breakpoint
ALTER TABLE `skills` ADD `name_curated` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `technologies` ADD `name_curated` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE TABLE `__new_technology_aliases` (
	`id` integer PRIMARY KEY NOT NULL,
	`technology_id` integer NOT NULL,
	`alias` text NOT NULL,
	`normalized` text NOT NULL,
	`document_id` integer,
	`line` integer,
	`curated_file` text,
	FOREIGN KEY (`technology_id`) REFERENCES `technologies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "technology_aliases_source" CHECK(("__new_technology_aliases"."line" is null) <> ("__new_technology_aliases"."curated_file" is null))
);
--> statement-breakpoint
-- The seed builds every database from empty: there are no rows to copy.
DROP TABLE `technology_aliases`;--> statement-breakpoint
ALTER TABLE `__new_technology_aliases` RENAME TO `technology_aliases`;--> statement-breakpoint
CREATE UNIQUE INDEX `technology_aliases_normalized` ON `technology_aliases` (`normalized`);