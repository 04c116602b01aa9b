import type { WebStandardStreamableHTTPServerTransport as Transport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { gatedAnalyses } from '../mcp/analyses.js';
import type { McpServerPool } from '../mcp/server-pool.js';
import { analysisProblemResponses } from '../schemas/analysis.js';
import { problemSchema } from '../schemas/common.js';
import { problemTypeForStatus } from '../http/problems.js';
import { sendProblem } from '../plugins/errors.js';

/** Room for a whole 20,000-character text \u-escaped in a tools/call envelope, and a 200 KB one refused by the tool's own schema. */
export const MCP_BODY_LIMIT = 512 * 1024;

const jsonRpcId = z.union([z.string(), z.number().int()]);
const mcpMessageSchema = z
  .object({
    jsonrpc: z.literal('2.0'),
    id: jsonRpcId.optional().describe('Present on requests; absent on notifications.'),
    method: z.string().describe('`initialize`, `tools/list`, `tools/call`, `resources/read`, … or a notification such as `notifications/initialized`.'),
    params: z.record(z.string(), z.unknown()).optional(),
  })
  .loose()
  .meta({ id: 'McpMessage', description: 'A JSON-RPC 2.0 request or notification of the Model Context Protocol.', examples: [{ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'shortest_path', arguments: { from: 'technology:dvc', to: 'role:data-analyst', lang: 'en' } } }] });
const mcpAnswerSchema = z
  .object({
    jsonrpc: z.literal('2.0'),
    id: jsonRpcId.nullable(),
    result: z.record(z.string(), z.unknown()).optional().describe('The method\'s result; for `tools/call`, `content` (a short text) and `structuredContent` (the REST route\'s response body).'),
    error: z.object({ code: z.number().int(), message: z.string(), data: z.unknown().optional() }).optional().describe('A JSON-RPC error: unknown method, malformed message.'),
  })
  .meta({ id: 'McpAnswer', description: 'A JSON-RPC 2.0 response of the Model Context Protocol.' });

/** The transport insists on both; an answer here is always JSON, so a client that accepts JSON is served. */
const TRANSPORT_ACCEPT = 'application/json, text/event-stream';
const acceptsJson = (accept: string | undefined) => !accept || /application\/json|\*\/\*|application\/\*/i.test(accept);

/** The message of the JSON-RPC error the transport answered with (English: the SDK writes it). */
function transportRefusal(body: string): string {
  try {
    const message = (JSON.parse(body) as { error?: { message?: unknown } }).error?.message;
    return typeof message === 'string' ? message : body;
  } catch {
    return body;
  }
}

/**
 * The MCP endpoint (Streamable HTTP), stateless: every POST gets a transport of its own (and an idle server), so
 * any replica can answer any request and nothing is kept between them (no Mcp-Session-Id is issued).
 * It is an ordinary route, so rate limiting, metrics, the request log, CORS and security headers apply.
 */
const mcpRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = { data: () => app.data.current, analyses: gatedAnalyses(app.data, app.analysisGate), defaultLanguage: app.defaultLanguage };
  // The MCP SDK (with the ajv it brings) is loaded by the first POST /mcp, not at every start.
  let endpoint: Promise<{ servers: McpServerPool; newTransport: () => Transport }> | undefined;
  const loadEndpoint = async () => {
    const [{ WebStandardStreamableHTTPServerTransport }, { createMcpServer }, { McpServerPool }] = await Promise.all([
      import('@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js'),
      import('../mcp/mcp-server.js'),
      import('../mcp/server-pool.js'),
    ]);
    return {
      servers: new McpServerPool(() => createMcpServer(deps)),
      newTransport: () => new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true }),
    };
  };

  app.post(
    '/mcp',
    {
      bodyLimit: MCP_BODY_LIMIT,
      config: { cache: false },
      schema: {
        operationId: 'mcp',
        'x-example-request': { method: 'POST', url: '/mcp', payload: { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'shortest_path', arguments: { from: 'technology:dvc', to: 'role:data-analyst', lang: 'en' } } } },
        tags: ['mcp'],
        summary: 'Model Context Protocol endpoint (Streamable HTTP)',
        description:
          'rolegraph\'s operations as MCP tools (`search`, `get_role`, `list_responsibilities`, `get_technology`, `get_skill`, `neighbors`, `shortest_path`, `compare_roles`, `skill_gap`, `extract_entities`), ' +
          'roles, technologies and skills as resources (`rolegraph://roles/{slug}`, …) and a `transition_plan` prompt, for AI agents. ' +
          'Stateless: no session is issued and each POST is answered with one JSON body (a notification with 202 and none); GET and DELETE answer 405. ' +
          'Send `Accept: application/json, text/event-stream` and `MCP-Protocol-Version` as the MCP specification says. See docs/mcp.md.',
        body: mcpMessageSchema,
        response: {
          200: { description: 'The JSON-RPC response.', content: { 'application/json': { schema: mcpAnswerSchema } } },
          202: z.undefined().describe('A notification, accepted; no body.'),
          ...analysisProblemResponses(400, 413, 415),
          406: { description: 'The client accepts no JSON.', content: { 'application/problem+json': { schema: problemSchema } } },
        },
      },
    },
    async (request, reply) => {
      if (!acceptsJson(request.headers.accept)) {
        return sendProblem(request, reply, { type: 'not-acceptable', detail: { pl: 'Punkt MCP odpowiada w application/json.', en: 'The MCP endpoint answers in application/json.' } });
      }
      const headers = new Headers();
      for (const [name, value] of Object.entries(request.headers)) if (typeof value === 'string') headers.set(name, value);
      headers.set('accept', TRANSPORT_ACCEPT);
      endpoint ??= loadEndpoint();
      const { servers, newTransport } = await endpoint;
      const transport = newTransport();
      const answer = await servers.use(async (server) => {
        await server.connect(transport);
        const response = await transport.handleRequest(new Request(`http://localhost${request.url}`, { method: 'POST', headers }), { parsedBody: request.body });
        return { status: response.status, headers: response.headers, body: await response.text() };
      });
      // The transport's own refusals (an unsupported MCP-Protocol-Version, say) become problems like every other 4xx here.
      if (answer.status >= 400) return sendProblem(request, reply, { type: problemTypeForStatus(answer.status), status: answer.status, detail: transportRefusal(answer.body) });
      // Each tool call names its own language: no one Content-Language describes the answer.
      reply.removeHeader('content-language');
      answer.headers.forEach((value, name) => {
        if (name !== 'content-length') reply.header(name, value);
      });
      return reply.code(answer.status as 200 | 202).send(answer.body.length > 0 ? answer.body : undefined);
    },
  );
};

export default mcpRoutes;
