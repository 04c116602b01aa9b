import { z } from 'zod';
import { compareRoles } from '../analysis/compare-roles.js';
import { neighborhoodOf, pathBetween } from '../graph/graph-queries.js';
import { compareParamsSchema, extractBodySchema, extractionSchema, gapBodySchema, gapParamsSchema, roleComparisonSchema, skillGapSchema } from '../schemas/analysis.js';
import { skillParamsSchema, skillSchema, technologyParamsSchema, technologySchema } from '../schemas/catalog.js';
import { listQuerySchema, paginate } from '../schemas/common.js';
import { edgeTypeSchema, graphPathSchema, neighborhoodSchema, neighborsParamsSchema, neighborsRepresentationQuerySchema, pathQuerySchema } from '../schemas/graph.js';
import { responsibilityPageSchema, roleParamsSchema, roleSchema } from '../schemas/roles.js';
import { searchPageSchema, searchQuerySchema } from '../schemas/search.js';
import { searchPage } from '../search/search-page.js';
import { searchTokens } from '../search/search-text.js';
import { defineTool, type Tool } from './tool-kit.js';
import { comparisonText, extractionText, gapText, neighborsText, pathText, responsibilitiesText, roleText, searchText, skillText, technologyText } from './tool-text.js';

/**
 * rolegraph's operations as MCP tools: each takes its REST route's parameter schemas (plus `lang`),
 * answers with its route's response schema, and calls the code its route calls.
 */

/** REST takes edge types comma-separated in one query parameter; a tool takes a list of them. */
const edgeTypesSchema = z.array(edgeTypeSchema).min(1).optional().describe('Edge types to follow; all when absent.');
const { limit, offset } = listQuerySchema.shape;

export const TOOLS: Tool[] = [
  defineTool({
    name: 'search',
    title: 'Search the knowledge graph',
    description:
      'Full-text search over every node: roles, responsibilities, tasks, technologies, skills, skill categories, concepts and comparisons, ' +
      'by name, alias and text, Polish and English at once (case- and accent-insensitive, each word also matches as a prefix). ' +
      'Use it to find the id of something before calling get_role, get_technology, get_skill or neighbors.',
    input: {
      q: searchQuerySchema.shape.q.refine((q) => searchTokens(q).length > 0, 'must contain a letter or digit: a blank query matches nothing'),
      kind: searchQuerySchema.shape.kind,
      limit,
      offset,
    },
    output: searchPageSchema,
    run: (args, { data, lang }) => searchPage(data.search, args, lang),
    text: (page, lang, args) => searchText(page, args.q, lang),
  }),
  defineTool({
    name: 'get_role',
    title: 'Get a role',
    description: "A role's definition, introduction, analogies, summary and what the comparisons say of it, with counts of its responsibilities, skills and technologies.",
    input: roleParamsSchema.shape,
    output: roleSchema,
    run: (args, { data, lang }) => data.repositories.roles.get(args.role, lang),
    text: roleText,
  }),
  defineTool({
    name: 'list_responsibilities',
    title: "List a role's responsibilities",
    description: "A role's responsibilities in document order, each with its tasks, the technologies it lists and the concepts it names. Paged: `limit` (1–100, default 20) and `offset`.",
    input: { ...roleParamsSchema.shape, limit, offset },
    output: responsibilityPageSchema,
    run: (args, { data, lang }) => paginate(data.repositories.roles.responsibilities(args.role, lang), args),
    text: responsibilitiesText,
  }),
  defineTool({
    name: 'get_technology',
    title: 'Get a technology',
    description: 'A technology (an alias resolves: `k8s`, `sklearn`) and every role, responsibility, task, skill and comparison that names it.',
    input: technologyParamsSchema.shape,
    output: technologySchema,
    run: (args, { data, lang }) => data.repositories.catalog.technology(args.technology, lang),
    text: technologyText,
  }),
  defineTool({
    name: 'get_skill',
    title: 'Get a skill',
    description: 'A skill, the technologies it involves and the roles that require it (under which category, with what qualifier).',
    input: skillParamsSchema.shape,
    output: skillSchema,
    run: (args, { data, lang }) => data.repositories.catalog.skill(args.skill, lang),
    text: skillText,
  }),
  defineTool({
    name: 'neighbors',
    title: "Get a node's neighbourhood",
    description:
      'Walks the graph breadth-first up to `depth` hops (1–3) from a node (an id such as `technology:dvc`, or a role, technology or skill by name or alias): ' +
      'every node reached with its depth and the walk that reaches it, hop by hop with edge type and source line.',
    input: { ...neighborsParamsSchema.shape, depth: neighborsRepresentationQuerySchema.shape.depth, direction: neighborsRepresentationQuerySchema.shape.direction, edge: edgeTypesSchema },
    output: neighborhoodSchema,
    run: ({ node, depth, direction, edge }, { data, lang }) => neighborhoodOf(data.graph, data.repositories, node, { depth, direction, edge: edge && new Set(edge) }, lang),
    text: neighborsText,
  }),
  defineTool({
    name: 'shortest_path',
    title: 'Find the shortest path between two nodes',
    description: 'A shortest walk between two nodes (ids, or roles, technologies and skills by name or alias), over undirected edges unless `direction` says otherwise; each hop with its edge type and source line.',
    input: { from: pathQuerySchema.shape.from, to: pathQuerySchema.shape.to, direction: pathQuerySchema.shape.direction, edge: edgeTypesSchema },
    output: graphPathSchema,
    run: ({ from, to, direction, edge }, { data, lang }) => pathBetween(data.graph, data.repositories, { from, to, direction, edge: edge && new Set(edge) }, lang),
    text: pathText,
  }),
  defineTool({
    name: 'compare_roles',
    title: 'Compare two roles',
    description: 'Technologies and skills two roles share and those only one has, and what a document itself says sets them apart (focus, key question, tools).',
    input: compareParamsSchema.shape,
    output: roleComparisonSchema,
    run: (args, { data, lang }) => compareRoles(data.analysis.roles, args.a, args.b, lang),
    text: comparisonText,
  }),
  defineTool({
    name: 'skill_gap',
    title: 'Measure the skill gap for a role',
    description:
      "How far a person's technologies and skills cover a role: per responsibility and per skill category what is covered and what is missing, and the overall coverage. " +
      'Each entry of `have` is a technology or skill by slug, name or alias (`k8s`, `Apache Spark`, `testowanie kodu`); entries that name nothing come back in `unrecognized`. ' +
      'For a CV as free text, call extract_entities first and pass the names it finds.',
    input: { role: gapParamsSchema.shape.role, have: gapBodySchema.shape.have },
    output: skillGapSchema,
    run: (args, { analyses, lang }) => analyses.gap(args.role, args.have, lang),
    text: gapText,
  }),
  defineTool({
    name: 'extract_entities',
    title: 'Find technologies, skills and roles in a text',
    description: 'Every technology, skill and role a job ad or CV (Polish or English, at most 20,000 characters) names, with each mention\'s offsets; knows aliases and Polish case endings.',
    input: extractBodySchema.shape,
    output: extractionSchema,
    run: (args, { analyses, lang }) => analyses.extract(args.text, lang),
    text: extractionText,
  }),
];
