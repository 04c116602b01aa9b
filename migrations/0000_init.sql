CREATE TABLE `analogies` (
	`id` integer PRIMARY KEY NOT NULL,
	`role_id` integer NOT NULL,
	`title_pl` text NOT NULL,
	`title_en` text,
	`document_id` integer NOT NULL,
	`line` integer NOT NULL,
	FOREIGN KEY (`role_id`) REFERENCES `roles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `analogy_sides` (
	`id` integer PRIMARY KEY NOT NULL,
	`analogy_id` integer NOT NULL,
	`role_id` integer NOT NULL,
	`position` integer NOT NULL,
	`label_pl` text,
	`label_en` text,
	`text_pl` text NOT NULL,
	`text_en` text,
	`document_id` integer NOT NULL,
	`line` integer NOT NULL,
	FOREIGN KEY (`analogy_id`) REFERENCES `analogies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`role_id`) REFERENCES `roles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `analogy_sides_position` ON `analogy_sides` (`analogy_id`,`position`);--> statement-breakpoint
CREATE TABLE `comparison_side_technologies` (
	`side_id` integer NOT NULL,
	`technology_id` integer NOT NULL,
	`position` integer NOT NULL,
	`matched` text NOT NULL,
	`document_id` integer NOT NULL,
	`line` integer NOT NULL,
	PRIMARY KEY(`side_id`, `technology_id`),
	FOREIGN KEY (`side_id`) REFERENCES `comparison_sides`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`technology_id`) REFERENCES `technologies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `comparison_sides` (
	`id` integer PRIMARY KEY NOT NULL,
	`comparison_id` integer NOT NULL,
	`role_id` integer NOT NULL,
	`position` integer NOT NULL,
	`text_pl` text NOT NULL,
	`text_en` text,
	`focus_pl` text NOT NULL,
	`focus_en` text,
	`key_question_pl` text,
	`key_question_en` text,
	`document_id` integer NOT NULL,
	`line` integer NOT NULL,
	FOREIGN KEY (`comparison_id`) REFERENCES `comparisons`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`role_id`) REFERENCES `roles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `comparison_sides_role` ON `comparison_sides` (`comparison_id`,`role_id`);--> statement-breakpoint
CREATE TABLE `comparisons` (
	`id` integer PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`role_id` integer NOT NULL,
	`other_role_id` integer NOT NULL,
	`position` integer NOT NULL,
	`title_pl` text NOT NULL,
	`document_id` integer NOT NULL,
	`line` integer NOT NULL,
	FOREIGN KEY (`role_id`) REFERENCES `roles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`other_role_id`) REFERENCES `roles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "comparisons_distinct_roles" CHECK("comparisons"."role_id" <> "comparisons"."other_role_id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `comparisons_slug_unique` ON `comparisons` (`slug`);--> statement-breakpoint
CREATE TABLE `concepts` (
	`id` integer PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`name_pl` text NOT NULL,
	`name_en` text,
	`description_pl` text,
	`description_en` text,
	`document_id` integer NOT NULL,
	`line` integer NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `concepts_slug_unique` ON `concepts` (`slug`);--> statement-breakpoint
CREATE TABLE `documents` (
	`id` integer PRIMARY KEY NOT NULL,
	`file` text NOT NULL,
	`sha256` text NOT NULL,
	`module` integer NOT NULL,
	`point` integer NOT NULL,
	`title_pl` text NOT NULL,
	`title_en` text,
	`line_count` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `documents_file_unique` ON `documents` (`file`);--> statement-breakpoint
CREATE TABLE `meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `responsibilities` (
	`id` integer PRIMARY KEY NOT NULL,
	`role_id` integer NOT NULL,
	`slug` text NOT NULL,
	`position` integer NOT NULL,
	`name_pl` text NOT NULL,
	`name_en` text,
	`term` text,
	`document_id` integer NOT NULL,
	`line` integer NOT NULL,
	FOREIGN KEY (`role_id`) REFERENCES `roles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "responsibilities_position_positive" CHECK("responsibilities"."position" >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `responsibilities_slug` ON `responsibilities` (`role_id`,`slug`);--> statement-breakpoint
CREATE UNIQUE INDEX `responsibilities_position` ON `responsibilities` (`role_id`,`position`);--> statement-breakpoint
CREATE TABLE `responsibility_concepts` (
	`responsibility_id` integer NOT NULL,
	`concept_id` integer NOT NULL,
	`matched` text NOT NULL,
	`document_id` integer NOT NULL,
	`line` integer NOT NULL,
	PRIMARY KEY(`responsibility_id`, `concept_id`),
	FOREIGN KEY (`responsibility_id`) REFERENCES `responsibilities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`concept_id`) REFERENCES `concepts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `responsibility_technologies` (
	`responsibility_id` integer NOT NULL,
	`technology_id` integer NOT NULL,
	`position` integer NOT NULL,
	`context_pl` text,
	`context_en` text,
	`document_id` integer NOT NULL,
	`line` integer NOT NULL,
	PRIMARY KEY(`responsibility_id`, `technology_id`),
	FOREIGN KEY (`responsibility_id`) REFERENCES `responsibilities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`technology_id`) REFERENCES `technologies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `responsibility_technologies_technology` ON `responsibility_technologies` (`technology_id`);--> statement-breakpoint
CREATE TABLE `responsibility_tool_notes` (
	`id` integer PRIMARY KEY NOT NULL,
	`responsibility_id` integer NOT NULL,
	`position` integer NOT NULL,
	`text_pl` text NOT NULL,
	`text_en` text,
	`document_id` integer NOT NULL,
	`line` integer NOT NULL,
	FOREIGN KEY (`responsibility_id`) REFERENCES `responsibilities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `role_aliases` (
	`id` integer PRIMARY KEY NOT NULL,
	`role_id` integer NOT NULL,
	`alias` text NOT NULL,
	`normalized` text NOT NULL,
	FOREIGN KEY (`role_id`) REFERENCES `roles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `role_aliases_normalized` ON `role_aliases` (`normalized`);--> statement-breakpoint
CREATE TABLE `role_skill_categories` (
	`role_id` integer NOT NULL,
	`category_id` integer NOT NULL,
	`position` integer NOT NULL,
	`document_id` integer NOT NULL,
	`line` integer NOT NULL,
	PRIMARY KEY(`role_id`, `category_id`),
	FOREIGN KEY (`role_id`) REFERENCES `roles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`category_id`) REFERENCES `skill_categories`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `role_skill_categories_position` ON `role_skill_categories` (`role_id`,`position`);--> statement-breakpoint
CREATE TABLE `role_skills` (
	`id` integer PRIMARY KEY NOT NULL,
	`role_id` integer NOT NULL,
	`skill_id` integer NOT NULL,
	`category_id` integer NOT NULL,
	`position` integer NOT NULL,
	`text_pl` text NOT NULL,
	`text_en` text,
	`qualifier_pl` text,
	`qualifier_en` text,
	`document_id` integer NOT NULL,
	`line` integer NOT NULL,
	FOREIGN KEY (`role_id`) REFERENCES `roles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`skill_id`) REFERENCES `skills`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`category_id`) REFERENCES `skill_categories`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `role_skills_by_skill` ON `role_skills` (`skill_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `role_skills_skill` ON `role_skills` (`role_id`,`skill_id`);--> statement-breakpoint
CREATE TABLE `role_texts` (
	`id` integer PRIMARY KEY NOT NULL,
	`role_id` integer NOT NULL,
	`section` text NOT NULL,
	`position` integer NOT NULL,
	`label_pl` text,
	`label_en` text,
	`text_pl` text NOT NULL,
	`text_en` text,
	`document_id` integer NOT NULL,
	`line` integer NOT NULL,
	FOREIGN KEY (`role_id`) REFERENCES `roles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "role_texts_section" CHECK(section in ('introduction', 'summary'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `role_texts_position` ON `role_texts` (`role_id`,`section`,`position`);--> statement-breakpoint
CREATE TABLE `roles` (
	`id` integer PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`name_pl` text NOT NULL,
	`name_en` text,
	`primary_document_id` integer,
	`definition_pl` text,
	`definition_en` text,
	`definition_line` integer,
	`document_id` integer NOT NULL,
	`line` integer NOT NULL,
	FOREIGN KEY (`primary_document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "roles_slug_format" CHECK("roles"."slug" glob '[a-z0-9]*' and "roles"."slug" not glob '*[^a-z0-9-]*')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `roles_slug_unique` ON `roles` (`slug`);--> statement-breakpoint
CREATE TABLE `skill_categories` (
	`id` integer PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`name_pl` text NOT NULL,
	`name_en` text,
	`kind` text NOT NULL,
	`document_id` integer NOT NULL,
	`line` integer NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "skill_categories_kind" CHECK(kind in ('technical', 'soft'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `skill_categories_slug_unique` ON `skill_categories` (`slug`);--> statement-breakpoint
CREATE TABLE `skill_technologies` (
	`skill_id` integer NOT NULL,
	`technology_id` integer NOT NULL,
	`document_id` integer NOT NULL,
	`line` integer NOT NULL,
	PRIMARY KEY(`skill_id`, `technology_id`),
	FOREIGN KEY (`skill_id`) REFERENCES `skills`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`technology_id`) REFERENCES `technologies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `skill_technologies_technology` ON `skill_technologies` (`technology_id`);--> statement-breakpoint
CREATE TABLE `skills` (
	`id` integer PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`name_pl` text NOT NULL,
	`name_en` text,
	`kind` text NOT NULL,
	`document_id` integer NOT NULL,
	`line` integer NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "skills_kind" CHECK(kind in ('technical', 'soft'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `skills_slug_unique` ON `skills` (`slug`);--> statement-breakpoint
CREATE TABLE `task_concepts` (
	`task_id` integer NOT NULL,
	`concept_id` integer NOT NULL,
	`matched` text NOT NULL,
	`document_id` integer NOT NULL,
	`line` integer NOT NULL,
	PRIMARY KEY(`task_id`, `concept_id`),
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`concept_id`) REFERENCES `concepts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `task_technologies` (
	`task_id` integer NOT NULL,
	`technology_id` integer NOT NULL,
	`matched` text NOT NULL,
	`document_id` integer NOT NULL,
	`line` integer NOT NULL,
	PRIMARY KEY(`task_id`, `technology_id`),
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`technology_id`) REFERENCES `technologies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `task_technologies_technology` ON `task_technologies` (`technology_id`);--> statement-breakpoint
CREATE TABLE `tasks` (
	`id` integer PRIMARY KEY NOT NULL,
	`responsibility_id` integer NOT NULL,
	`position` integer NOT NULL,
	`text_pl` text NOT NULL,
	`text_en` text,
	`document_id` integer NOT NULL,
	`line` integer NOT NULL,
	FOREIGN KEY (`responsibility_id`) REFERENCES `responsibilities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tasks_position` ON `tasks` (`responsibility_id`,`position`);--> statement-breakpoint
CREATE TABLE `technologies` (
	`id` integer PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`document_id` integer NOT NULL,
	`line` integer NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "technologies_kind" CHECK(kind in ('language', 'library', 'framework', 'platform', 'tool', 'database', 'cloud', 'service'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `technologies_slug_unique` ON `technologies` (`slug`);--> statement-breakpoint
CREATE TABLE `technology_aliases` (
	`id` integer PRIMARY KEY NOT NULL,
	`technology_id` integer NOT NULL,
	`alias` text NOT NULL,
	`normalized` text NOT NULL,
	FOREIGN KEY (`technology_id`) REFERENCES `technologies`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `technology_aliases_normalized` ON `technology_aliases` (`normalized`);