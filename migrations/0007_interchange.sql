CREATE TABLE `entity_versions` (
	`entity_id` text PRIMARY KEY NOT NULL,
	`version` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `release_changes` (
	`id` integer PRIMARY KEY NOT NULL,
	`release_id` integer NOT NULL,
	`entity_id` text NOT NULL,
	`kind` text NOT NULL,
	`change` text NOT NULL,
	`fields` text,
	`replaced_by` text,
	FOREIGN KEY (`release_id`) REFERENCES `releases`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "release_changes_change" CHECK(change in ('created', 'updated', 'removed'))
);
--> statement-breakpoint
CREATE INDEX `release_changes_release` ON `release_changes` (`release_id`);--> statement-breakpoint
CREATE TABLE `releases` (
	`id` integer PRIMARY KEY NOT NULL,
	`version` text NOT NULL,
	`made_at` text NOT NULL,
	`documents` text NOT NULL,
	`created` integer NOT NULL,
	`updated` integer NOT NULL,
	`removed` integer NOT NULL,
	`kept` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `releases_version_unique` ON `releases` (`version`);--> statement-breakpoint
CREATE TABLE `role_crosswalks` (
	`id` integer PRIMARY KEY NOT NULL,
	`role_id` integer NOT NULL,
	`position` integer NOT NULL,
	`scheme` text NOT NULL,
	`code` text,
	`uri` text,
	`label` text NOT NULL,
	`match` text NOT NULL,
	`source_file` text NOT NULL,
	`source_row` text NOT NULL,
	FOREIGN KEY (`role_id`) REFERENCES `roles`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "role_crosswalks_target" CHECK("role_crosswalks"."code" is not null or "role_crosswalks"."uri" is not null),
	CONSTRAINT "role_crosswalks_scheme" CHECK(scheme in ('esco', 'isco-08', 'onet-soc')),
	CONSTRAINT "role_crosswalks_match" CHECK(match in ('exact', 'close', 'broad', 'narrow', 'related'))
);
--> statement-breakpoint
CREATE INDEX `role_crosswalks_role` ON `role_crosswalks` (`role_id`);