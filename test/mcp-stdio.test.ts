import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGES } from '../src/lib/language.js';
import { PROJECT_ROOT } from '../src/paths.js';
import { BAD_ARGUMENTS, TOOL_CASES, UNKNOWN_IDS, call, textOf } from './helpers/mcp-cases.js';
import { createSeededApp, type SeededApp } from './helpers/seeded-app.js';

/**
 * `npm run mcp` as a desktop agent client starts it: a child process spoken to over stdin/stdout by the
 * SDK's own client, on a real seeded database. `--silent` keeps npm's own banner off stdout, which
 * carries the protocol; the plain command is checked too (the client skips the banner lines).
 * The app on the same database gives each tool's REST twin.
 */

let seeded: SeededApp;
let client: Client;
let stderr = '';

function start(args: string[]): { client: Client; transport: StdioClientTransport } {
  const env = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined));
  const transport = new StdioClientTransport({ command: 'npm', args, cwd: PROJECT_ROOT, env: { ...env, DATABASE_PATH: seeded.dbPath, LOG_LEVEL: 'info' }, stderr: 'pipe' });
  transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return { client: new Client({ name: 'rolegraph-test', version: '1.0.0' }), transport };
}

beforeAll(async () => {
  seeded = await createSeededApp();
  const started = start(['run', '--silent', 'mcp']);
  client = started.client;
  await client.connect(started.transport);
}, 90_000);

afterAll(async () => {
  await client?.close();
  await seeded?.close();
});

describe('MCP over stdio (npm run mcp)', () => {
  it('runs on Node 24 and logs to stderr only', async () => {
    expect(client.getServerVersion()?.name).toBe('rolegraph');
    await expect.poll(() => stderr, { timeout: 10_000 }).toMatch(/"msg":"MCP server on stdio"/);
    expect(stderr).toContain(seeded.dbPath);
    // better-sqlite3 13 needs the pinned Node 24: npm puts node_modules/.bin (its node) first on PATH.
    expect(stderr).toMatch(/"node":"v24\./);
  });

  it('lists the ten tools, the resources and the three templates', async () => {
    expect((await client.listTools()).tools.map((t) => t.name).sort()).toEqual(TOOL_CASES.map((c) => c.tool).sort());
    expect((await client.listResources()).resources.map((r) => r.uri)).toContain('rolegraph://roles/ai-engineer');
    expect((await client.listResourceTemplates()).resourceTemplates).toHaveLength(3);
  });

  it('calls every tool in pl and en: the route schema and the REST twin\'s body', async () => {
    for (const lang of LANGUAGES) {
      for (const c of TOOL_CASES) {
        const answer = await call(client, c.tool, { ...c.args, lang });
        expect(answer.isError ?? false, `${c.tool} ${lang}: ${textOf(answer)}`).toBe(false);
        expect(c.schema.safeParse(answer.structuredContent).success, c.tool).toBe(true);
        const separator = c.rest.url.includes('?') ? '&' : '?';
        const rest = await seeded.app.inject({ method: c.rest.method, url: `${c.rest.url}${separator}lang=${lang}`, payload: c.rest.payload as object | undefined });
        expect(answer.structuredContent, `${c.tool} ${lang}`).toEqual(rest.json());
      }
    }
  }, 60_000);

  it('reads resources', async () => {
    const { contents } = await client.readResource({ uri: 'rolegraph://technologies/k8s' });
    expect(JSON.parse((contents[0] as { text: string }).text)).toEqual((await seeded.app.inject('/technologies/kubernetes?lang=pl')).json());
    await expect(client.readResource({ uri: 'rolegraph://skills/juggling' })).rejects.toMatchObject({ code: -32002 });
  });

  it('refuses bad arguments and unknown ids as error results, and keeps answering', async () => {
    for (const bad of BAD_ARGUMENTS) {
      const answer = await call(client, bad.tool, bad.args);
      expect(answer.isError, bad.tool).toBe(true);
      expect(textOf(answer)).toMatch(bad.names);
    }
    for (const unknown of UNKNOWN_IDS) {
      const answer = await call(client, unknown.tool, unknown.args);
      expect(answer.isError, unknown.tool).toBe(true);
      expect(textOf(answer)).toMatch(unknown.says);
    }
    expect((await call(client, 'get_skill', { skill: 'python' })).isError ?? false).toBe(false);
  }, 30_000);

  it('works as plain `npm run mcp` too: the client skips npm\'s banner lines', async () => {
    const plain = start(['run', 'mcp']);
    await plain.client.connect(plain.transport);
    try {
      expect((await call(plain.client, 'get_role', { role: 'ai-engineer', lang: 'en' })).isError ?? false).toBe(false);
    } finally {
      await plain.client.close();
    }
  }, 60_000);
});
