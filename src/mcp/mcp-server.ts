import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { registerPrompts } from './prompts.js';
import { registerResources } from './resources.js';
import type { ToolDeps } from './tool-kit.js';
import { TOOLS } from './tools.js';

export const MCP_SERVER_INFO = { name: 'rolegraph', version: '0.1.0' };

const INSTRUCTIONS =
  'rolegraph is a knowledge graph of roles (AI Engineer, Data Scientist, …), their responsibilities, tasks, technologies and skills, read from Polish course documents; ' +
  'every fact carries its source line. Names, aliases and ids all resolve (`k8s`, `Inżynier AI`, `role:ai-engineer`). Every tool takes `lang` (pl or en).';

/** One MCP server with every tool, resource and prompt, over whatever transport it is connected to. */
export function createMcpServer(deps: ToolDeps): McpServer {
  const server = new McpServer(MCP_SERVER_INFO, { instructions: INSTRUCTIONS, capabilities: { tools: {}, resources: {}, prompts: {} } });
  for (const tool of TOOLS) tool.register(server, deps);
  registerResources(server, deps);
  registerPrompts(server);
  return server;
}
