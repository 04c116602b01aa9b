import { type McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { McpError, type ReadResourceResult } from '@modelcontextprotocol/sdk/types.js';
import { NotFoundError } from '../model/domain-errors.js';
import { type Lang, localized } from '../lib/language.js';
import type { ToolDeps } from './tool-kit.js';

/** The MCP spec's code for a resource that does not exist. */
const RESOURCE_NOT_FOUND = -32002;
const JSON_TYPE = 'application/json';

/** The one place that spells rolegraph's resource URIs. */
const ROLES_URI = 'rolegraph://roles';
const entityUri = (kind: 'roles' | 'technologies' | 'skills', slug: string) => `rolegraph://${kind}/${encodeURIComponent(slug)}`;
const template = (kind: 'roles' | 'technologies' | 'skills') => `rolegraph://${kind}/{slug}`;

function json(uri: URL | string, body: unknown): ReadResourceResult {
  return { contents: [{ uri: String(uri), mimeType: JSON_TYPE, text: JSON.stringify(body) }] };
}

/** A template variable as sent (percent-encoded when it holds a name such as `Inżynier AI`). */
function slugOf(value: string | string[] | undefined): string {
  const raw = Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** Reads an entity as its REST route does; an unknown one is the spec's "resource not found" error, naming it. */
function reader(read: (slug: string, lang: Lang) => unknown, deps: ToolDeps) {
  return (uri: URL, variables: Record<string, string | string[]>): ReadResourceResult => {
    try {
      return json(uri, read(slugOf(variables.slug), deps.defaultLanguage));
    } catch (error) {
      if (error instanceof NotFoundError) throw new McpError(RESOURCE_NOT_FOUND, localized(error.detail, deps.defaultLanguage), { uri: String(uri) });
      throw error;
    }
  };
}

/** Roles, technologies and skills as JSON resources (the REST routes' bodies), and the listing of the roles. */
export function registerResources(server: McpServer, deps: ToolDeps): void {
  const roles = () => deps.data().repositories.roles;
  const catalog = () => deps.data().repositories.catalog;
  server.registerResource('roles', ROLES_URI, { title: 'Roles', description: 'Every role: those a document describes first, then those the documents only name.', mimeType: JSON_TYPE }, (uri) =>
    json(uri, { items: roles().list(deps.defaultLanguage) }),
  );
  server.registerResource(
    'role',
    new ResourceTemplate(template('roles'), {
      list: () => ({ resources: roles().list(deps.defaultLanguage).map((r) => ({ uri: entityUri('roles', r.slug), name: r.slug, title: r.name, mimeType: JSON_TYPE })) }),
    }),
    { title: 'Role', description: 'A role as GET /roles/{role} gives it; {slug} is its slug, name or alias.', mimeType: JSON_TYPE },
    reader((slug, lang) => roles().get(slug, lang), deps),
  );
  server.registerResource(
    'technology',
    new ResourceTemplate(template('technologies'), { list: undefined }),
    { title: 'Technology', description: 'A technology as GET /technologies/{technology} gives it; {slug} is its slug, name or alias (`k8s`).', mimeType: JSON_TYPE },
    reader((slug, lang) => catalog().technology(slug, lang), deps),
  );
  server.registerResource(
    'skill',
    new ResourceTemplate(template('skills'), { list: undefined }),
    { title: 'Skill', description: 'A skill as GET /skills/{skill} gives it; {slug} is its slug or name.', mimeType: JSON_TYPE },
    reader((slug, lang) => catalog().skill(slug, lang), deps),
  );
}
