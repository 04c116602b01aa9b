import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { z } from 'zod';
import { extractionSchema, roleComparisonSchema, skillGapSchema } from '../../src/schemas/analysis.js';
import { skillSchema, technologySchema } from '../../src/schemas/catalog.js';
import { graphPathSchema, neighborhoodSchema } from '../../src/schemas/graph.js';
import { responsibilityPageSchema, roleSchema } from '../../src/schemas/roles.js';
import { searchPageSchema } from '../../src/schemas/search.js';

/** Each tool with one call and its REST twin: the route whose response schema (and body) the tool's structured content must match. */
export interface ToolCase {
  tool: string;
  args: Record<string, unknown>;
  schema: z.ZodType;
  rest: { method: 'GET' | 'POST'; url: string; payload?: unknown };
}

export const EXTRACT_TEXT = 'Szukamy inżyniera ze znajomością Pythona, Dockera i Kubernetesa.';

export const TOOL_CASES: ToolCase[] = [
  { tool: 'search', args: { q: 'kube', limit: 5 }, schema: searchPageSchema, rest: { method: 'GET', url: '/search?q=kube&limit=5' } },
  { tool: 'get_role', args: { role: 'Inżynier AI' }, schema: roleSchema, rest: { method: 'GET', url: '/roles/ai-engineer' } },
  { tool: 'list_responsibilities', args: { role: 'ai-engineer', limit: 2 }, schema: responsibilityPageSchema, rest: { method: 'GET', url: '/roles/ai-engineer/responsibilities?limit=2' } },
  { tool: 'get_technology', args: { technology: 'k8s' }, schema: technologySchema, rest: { method: 'GET', url: '/technologies/kubernetes' } },
  { tool: 'get_skill', args: { skill: 'python' }, schema: skillSchema, rest: { method: 'GET', url: '/skills/python' } },
  { tool: 'neighbors', args: { node: 'technology:dvc', depth: 2 }, schema: neighborhoodSchema, rest: { method: 'GET', url: '/graph/nodes/technology:dvc/neighbors?depth=2' } },
  { tool: 'shortest_path', args: { from: 'dvc', to: 'role:data-analyst', edge: ['uses_technology', 'uses_tool'] }, schema: graphPathSchema, rest: { method: 'GET', url: '/graph/path?from=dvc&to=role:data-analyst&edge=uses_technology,uses_tool' } },
  { tool: 'compare_roles', args: { a: 'ai-engineer', b: 'data-scientist' }, schema: roleComparisonSchema, rest: { method: 'GET', url: '/roles/ai-engineer/compare/data-scientist' } },
  { tool: 'skill_gap', args: { role: 'ai-engineer', have: ['python', 'k8s', 'Docker', 'Cobol'] }, schema: skillGapSchema, rest: { method: 'POST', url: '/roles/ai-engineer/gap', payload: { have: ['python', 'k8s', 'Docker', 'Cobol'] } } },
  { tool: 'extract_entities', args: { text: EXTRACT_TEXT }, schema: extractionSchema, rest: { method: 'POST', url: '/extract', payload: { text: EXTRACT_TEXT } } },
];

export type ToolAnswer = { isError?: boolean; content: { type: string; text?: string }[]; structuredContent?: Record<string, unknown> };

export async function call(client: Client, tool: string, args: Record<string, unknown>): Promise<ToolAnswer> {
  return (await client.callTool({ name: tool, arguments: args })) as ToolAnswer;
}

export const textOf = (answer: ToolAnswer) => answer.content.map((c) => c.text ?? '').join('\n');

/** Arguments a tool must refuse, and a word its message must contain (the argument it names). */
export const BAD_ARGUMENTS: { tool: string; args: Record<string, unknown>; names: RegExp }[] = [
  { tool: 'neighbors', args: { node: 'technology:dvc', depth: 99 }, names: /depth/ },
  { tool: 'search', args: { q: '   ' }, names: /\bq\b/ },
  { tool: 'search', args: { q: '?!' }, names: /letter or digit/ },
  { tool: 'extract_entities', args: { text: 'Python '.repeat(30_000) }, names: /text/ },
  { tool: 'skill_gap', args: { role: 'ai-engineer', have: [] }, names: /have/ },
  { tool: 'get_role', args: {}, names: /role/ },
  { tool: 'get_role', args: { role: 'ai-engineer', lang: 'de' }, names: /lang/ },
  { tool: 'neighbors', args: { node: 'technology:dvc', edge: ['no_such_edge'] }, names: /edge/ },
];

/** Unknown ids: an error result naming what was not found, in the language asked for. */
export const UNKNOWN_IDS: { tool: string; args: Record<string, unknown>; says: RegExp }[] = [
  { tool: 'get_role', args: { role: 'astronaut', lang: 'en' }, says: /No role "astronaut" exists/ },
  { tool: 'get_role', args: { role: 'astronaut', lang: 'pl' }, says: /Brak roli „astronaut”/ },
  { tool: 'list_responsibilities', args: { role: 'astronaut', lang: 'en' }, says: /astronaut/ },
  { tool: 'get_technology', args: { technology: 'cobol-9000', lang: 'en' }, says: /No technology "cobol-9000"/ },
  { tool: 'get_skill', args: { skill: 'juggling', lang: 'en' }, says: /No skill "juggling"/ },
  { tool: 'neighbors', args: { node: 'technology:nope', lang: 'en' }, says: /No node "technology:nope"/ },
  { tool: 'shortest_path', args: { from: 'technology:dvc', to: 'role:astronaut', lang: 'en' }, says: /"to".*role:astronaut/ },
  { tool: 'compare_roles', args: { a: 'ai-engineer', b: 'astronaut', lang: 'en' }, says: /astronaut/ },
  { tool: 'skill_gap', args: { role: 'astronaut', have: ['python'], lang: 'en' }, says: /No role "astronaut"/ },
];
