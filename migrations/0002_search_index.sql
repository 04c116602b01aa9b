-- Full-text search, filled by the seed (src/search/write-search-index.ts); the served database only reads it.
-- search_entries: one row per graph node (kind:key as in graph_nodes) with what a hit shows.
-- search_index: one row per node and language. name/aliases/body hold the text folded by
-- foldForSearch (ł→l etc., same length as the original, so snippet offsets map back); *_text hold the
-- originals for display. unicode61 remove_diacritics 2 folds the rest of the accents and the case.
-- search_names: every name and alias of every node but tasks, for name-only prefix completion.
CREATE TABLE `search_entries` (
	`id` integer PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`key` text NOT NULL,
	`slug` text NOT NULL,
	`name_pl` text NOT NULL,
	`name_en` text,
	`url` text,
	`document_id` integer NOT NULL REFERENCES `documents`(`id`),
	`line` integer NOT NULL,
	CONSTRAINT `search_entries_node` UNIQUE(`kind`, `key`)
);
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_index` USING fts5(
	name, aliases, body,
	entry_id UNINDEXED, lang UNINDEXED, name_text UNINDEXED, aliases_text UNINDEXED, body_text UNINDEXED,
	tokenize = 'unicode61 remove_diacritics 2',
	prefix = '2 3 4'
);
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_names` USING fts5(
	name,
	entry_id UNINDEXED, name_text UNINDEXED,
	tokenize = 'unicode61 remove_diacritics 2',
	prefix = '1 2 3 4'
);
