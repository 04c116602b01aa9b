import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGES } from '../src/lib/language.js';
import { roleSchema } from '../src/schemas/roles.js';
import { BAD_ARGUMENTS, TOOL_CASES, UNKNOWN_IDS, call, textOf } from './helpers/mcp-cases.js';
import { createSeededApp, type SeededApp } from './helpers/seeded-app.js';

/**
 * The MCP endpoint on a real listening server (real seeded database), driven by the SDK's own client
 * over Streamable HTTP: what an agent sees. Each tool's answer is checked against its route's schema
 * and against the body its REST twin answers.
 */

let seeded: SeededApp;
let base: string;
let client: Client;

async function connect(): Promise<Client> {
  const c = new Client({ name: 'rolegraph-test', version: '1.0.0' });
  await c.connect(new StreamableHTTPClientTransport(new URL(`${base}/mcp`)));
  return c;
}

beforeAll(async () => {
  seeded = await createSeededApp();
  base = await seeded.app.listen({ port: 0, host: '127.0.0.1' });
  client = await connect();
}, 60_000);

afterAll(async () => {
  await client?.close();
  await seeded?.close();
});

describe('MCP over Streamable HTTP: discovery', () => {
  it('lists the ten tools, each with an object input schema that takes lang and an object output schema', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(TOOL_CASES.map((c) => c.tool).sort());
    for (const tool of tools) {
      expect(tool.description!.length, tool.name).toBeGreaterThan(40);
      expect(tool.inputSchema.type).toBe('object');
      expect((tool.inputSchema.properties as Record<string, { enum?: string[] }>).lang.enum, tool.name).toEqual([...LANGUAGES]);
      expect(tool.outputSchema?.type, tool.name).toBe('object');
      expect(tool.annotations?.readOnlyHint).toBe(true);
    }
  });

  it('lists the roles listing and every role as resources, and the three templates', async () => {
    const { resources } = await client.listResources();
    const uris = resources.map((r) => r.uri);
    expect(uris).toContain('rolegraph://roles');
    expect(uris).toContain('rolegraph://roles/ai-engineer');
    const roles = JSON.parse((await seeded.app.inject('/roles?limit=100')).body).items as { slug: string }[];
    expect(uris.filter((u) => u.startsWith('rolegraph://roles/')).length).toBe(roles.length);
    const { resourceTemplates } = await client.listResourceTemplates();
    expect(resourceTemplates.map((t) => t.uriTemplate).sort()).toEqual(['rolegraph://roles/{slug}', 'rolegraph://skills/{slug}', 'rolegraph://technologies/{slug}']);
  });

  it('offers a transition_plan prompt that names the tools to use', async () => {
    const { prompts } = await client.listPrompts();
    expect(prompts.map((p) => p.name)).toEqual(['transition_plan']);
    const prompt = await client.getPrompt({ name: 'transition_plan', arguments: { role: 'ai-engineer', skills: 'Python, SQL' } });
    const text = (prompt.messages[0].content as { text: string }).text;
    expect(text).toContain('ai-engineer');
    expect(text).toContain('skill_gap');
  });
});

describe('MCP over Streamable HTTP: every tool, in both languages', () => {
  for (const lang of LANGUAGES) {
    for (const c of TOOL_CASES) {
      it(`${c.tool} (${lang}) answers its route's schema, the same body as ${c.rest.method} ${c.rest.url}, and a text`, async () => {
        const answer = await call(client, c.tool, { ...c.args, lang });
        expect(answer.isError ?? false, textOf(answer)).toBe(false);
        const parsed = c.schema.safeParse(answer.structuredContent);
        expect(parsed.success, parsed.success ? '' : parsed.error.message).toBe(true);
        const separator = c.rest.url.includes('?') ? '&' : '?';
        const rest = await seeded.app.inject({ method: c.rest.method, url: `${c.rest.url}${separator}lang=${lang}`, payload: c.rest.payload as object | undefined });
        expect(rest.statusCode, rest.body).toBe(200);
        expect(answer.structuredContent).toEqual(rest.json());
        expect(answer.content[0].type).toBe('text');
        expect(textOf(answer).length).toBeGreaterThan(10);
      });
    }
  }

  it('answers in the language asked for, the server default (pl) when none is named', async () => {
    const pl = await call(client, 'get_role', { role: 'ai-engineer', lang: 'pl' });
    const en = await call(client, 'get_role', { role: 'ai-engineer', lang: 'en' });
    const definition = (answer: typeof pl) => (answer.structuredContent as { definition: { text: string } }).definition.text;
    expect(definition(pl)).toMatch(/specjalist/);
    expect(definition(en)).toMatch(/specialist/);
    expect((await call(client, 'get_role', { role: 'ai-engineer' })).structuredContent).toEqual(pl.structuredContent);
    expect(textOf(pl)).toContain('Odpowiedzialności');
    expect(textOf(en)).toContain('Responsibilities');
  });
});

describe('MCP over Streamable HTTP: bad input never breaks the protocol', () => {
  for (const bad of BAD_ARGUMENTS) {
    it(`refuses ${bad.tool} ${JSON.stringify(bad.args).slice(0, 60)} with a message naming the argument`, async () => {
      const answer = await call(client, bad.tool, bad.args);
      expect(answer.isError).toBe(true);
      expect(textOf(answer)).toMatch(bad.names);
      expect(textOf(answer)).toMatch(/Invalid arguments for tool/);
    });
  }

  for (const unknown of UNKNOWN_IDS) {
    it(`${unknown.tool} ${JSON.stringify(unknown.args)} is an error result naming what was not found`, async () => {
      const answer = await call(client, unknown.tool, unknown.args);
      expect(answer.isError).toBe(true);
      expect(answer.structuredContent).toBeUndefined();
      expect(textOf(answer)).toMatch(unknown.says);
    });
  }

  it('refuses the same role twice in compare_roles with the route\'s own message', async () => {
    const answer = await call(client, 'compare_roles', { a: 'ai-engineer', b: 'Inżynier AI', lang: 'en' });
    expect(answer.isError).toBe(true);
    expect(textOf(answer)).toMatch(/name the same role "ai-engineer"/);
  });

  it('still answers on the same client after every refusal, and an unknown tool is a protocol error', async () => {
    await expect(client.callTool({ name: 'no_such_tool', arguments: {} })).resolves.toMatchObject({ isError: true });
    const answer = await call(client, 'get_role', { role: 'data-analyst', lang: 'en' });
    expect(answer.isError ?? false).toBe(false);
  });
});

describe('MCP over Streamable HTTP: resources', () => {
  it('reads a role, a technology (by alias) and a skill as their REST bodies, and the roles listing', async () => {
    for (const [uri, url] of [
      ['rolegraph://roles/ai-engineer', '/roles/ai-engineer'],
      [`rolegraph://roles/${encodeURIComponent('Inżynier AI')}`, '/roles/ai-engineer'],
      ['rolegraph://technologies/k8s', '/technologies/kubernetes'],
      ['rolegraph://skills/python', '/skills/python'],
    ]) {
      const { contents } = await client.readResource({ uri });
      expect(contents[0].mimeType).toBe('application/json');
      expect(JSON.parse((contents[0] as { text: string }).text), uri).toEqual((await seeded.app.inject(`${url}?lang=pl`)).json());
    }
    const textAt = async (uri: string) => ((await client.readResource({ uri })).contents[0] as { text: string }).text;
    const role = JSON.parse(await textAt('rolegraph://roles/ai-engineer'));
    expect(roleSchema.safeParse(role).success).toBe(true);
    const listing = JSON.parse(await textAt('rolegraph://roles')) as { items: { id: string }[] };
    expect(listing.items.map((r) => r.id)).toContain('role:ai-engineer');
  });

  it('answers an unknown entity with the "resource not found" error, naming it', async () => {
    await expect(client.readResource({ uri: 'rolegraph://roles/astronaut' })).rejects.toThrow(/astronaut/);
    await expect(client.readResource({ uri: 'rolegraph://roles/astronaut' })).rejects.toMatchObject({ code: -32002 });
  });
});

describe('POST /mcp is an ordinary route of the app', () => {
  const initialize = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'curl', version: '1' } } };

  it('answers GET and DELETE with a problem+json 405 that says POST', async () => {
    for (const method of ['GET', 'DELETE'] as const) {
      const response = await seeded.app.inject({ method, url: '/mcp' });
      expect(response.statusCode).toBe(405);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(String(response.headers.allow)).toMatch(/POST/);
    }
  });

  it('is stateless (no Mcp-Session-Id) and carries the request id, CORS and security headers; browsers may send and read the MCP headers', async () => {
    const response = await seeded.app.inject({ method: 'POST', url: '/mcp', headers: { origin: 'https://agent.example', accept: 'application/json, text/event-stream' }, payload: initialize });
    expect(response.statusCode).toBe(200);
    expect(response.json().result.serverInfo.name).toBe('rolegraph');
    expect(response.headers['mcp-session-id']).toBeUndefined();
    expect(response.headers['content-language']).toBeUndefined();
    expect(response.headers['x-request-id']).toBeDefined();
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(String(response.headers['access-control-expose-headers'])).toMatch(/Mcp-Session-Id/);
    expect(String(response.headers['access-control-expose-headers'])).toMatch(/Mcp-Protocol-Version/);
    const preflight = await seeded.app.inject({ method: 'OPTIONS', url: '/mcp', headers: { origin: 'https://agent.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, mcp-protocol-version' } });
    expect(preflight.statusCode).toBe(204);
    expect(String(preflight.headers['access-control-allow-headers'])).toMatch(/Mcp-Protocol-Version/);
    expect(String(preflight.headers['access-control-allow-headers'])).toMatch(/Mcp-Session-Id/);
  });

  it('refuses a body that is no JSON-RPC message, and an unsupported protocol version, as problems', async () => {
    const garbage = await seeded.app.inject({ method: 'POST', url: '/mcp', payload: { hello: 'world' } });
    expect(garbage.statusCode).toBe(400);
    expect(garbage.headers['content-type']).toMatch(/^application\/problem\+json/);
    const version = await seeded.app.inject({ method: 'POST', url: '/mcp', headers: { 'mcp-protocol-version': '1999-01-01' }, payload: { jsonrpc: '2.0', id: 2, method: 'tools/list' } });
    expect(version.statusCode).toBe(400);
    expect(version.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(version.json().detail).toMatch(/1999-01-01/);
  });

  it('is counted in the metrics under its route', async () => {
    await seeded.app.inject({ method: 'POST', url: '/mcp', payload: initialize });
    const metrics = (await seeded.app.inject('/metrics')).body;
    expect(metrics).toMatch(/route="\/mcp"/);
  });

  it('runs analysis tools through the same gate as POST /extract: beyond its capacity a call is refused with retry advice', async () => {
    const gated = await createSeededApp({ http: { maxConcurrentAnalyses: 1 } });
    try {
      const extract = (id: number) => ({ jsonrpc: '2.0', id, method: 'tools/call', params: { name: 'extract_entities', arguments: { text: 'Python '.repeat(2_000), lang: 'en' } } });
      // Another client's analysis (as POST /extract admits one) holds the one place: a tool call meanwhile is refused.
      const held = gated.app.analysisGate.enter('192.0.2.7');
      expect(held).not.toBe(false);
      const answers = await Promise.all([1, 2].map((id) => gated.app.inject({ method: 'POST', url: '/mcp', payload: extract(id) })));
      const refused = answers.map((a) => a.json().result as { isError?: boolean; content: { text: string }[] }).filter((r) => r.isError);
      expect(refused).toHaveLength(2);
      gated.app.analysisGate.release('192.0.2.7');
      // Once the place is free again, a tool call is answered.
      expect((await gated.app.inject({ method: 'POST', url: '/mcp', payload: extract(5) })).json().result.isError).toBeUndefined();
      expect(refused[0].content[0].text).toMatch(/retry in 2 s/);
    } finally {
      await gated.close();
    }
  }, 60_000);

  it('is rate limited like every other route', async () => {
    const limited = await createSeededApp({ http: { rateLimitMax: 2 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await limited.app.inject({ method: 'POST', url: '/mcp', payload: initialize })).statusCode);
      expect(statuses).toEqual([200, 200, 429]);
    } finally {
      await limited.close();
    }
  }, 60_000);
});
