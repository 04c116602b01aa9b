CREATE INDEX `analogies_role` ON `analogies` (`role_id`);--> statement-breakpoint
CREATE INDEX `analogy_sides_role` ON `analogy_sides` (`role_id`);--> statement-breakpoint
CREATE INDEX `comparison_side_technologies_technology` ON `comparison_side_technologies` (`technology_id`);--> statement-breakpoint
CREATE INDEX `comparisons_role` ON `comparisons` (`role_id`);--> statement-breakpoint
CREATE INDEX `comparisons_other_role` ON `comparisons` (`other_role_id`);--> statement-breakpoint
CREATE INDEX `responsibility_tool_notes_responsibility` ON `responsibility_tool_notes` (`responsibility_id`);