-- The graph views (0001) resolved once, by the seed (src/seed/graph-index-store.ts), into columns:
-- node n is the n-th row of graph_nodes, an edge's ends are node numbers, in the views' order.
-- Numeric columns are packed arrays (typed-array bytes, `endianness` says which order), string
-- columns JSON arrays: the server loads an ESCO-sized graph from a dozen values in milliseconds,
-- where reading the views row by row takes seconds.
CREATE TABLE `graph_index` (
	`part` text PRIMARY KEY NOT NULL,
	`data` blob NOT NULL
);
