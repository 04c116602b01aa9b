import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';

/**
 * Idle MCP servers for the stateless HTTP endpoint. A server takes one transport at a time, so each
 * request needs a server of its own; building one (ten tools, their schemas, the resources, the prompt)
 * costs milliseconds, while closing one frees it for the next request. Servers hold no data: each tool
 * call reads the data current when it arrives.
 */
export class McpServerPool {
  private readonly idle: McpServer[] = [];

  constructor(
    private readonly create: () => McpServer,
    /** Servers kept between bursts; a burst above it builds more, which are dropped after. */
    private readonly maxIdle = 16,
  ) {}

  async use<T>(work: (server: McpServer) => Promise<T>): Promise<T> {
    const server = this.idle.pop() ?? this.create();
    let reusable = true;
    try {
      return await work(server);
    } finally {
      await server.close().catch(() => (reusable = false));
      if (reusable && this.idle.length < this.maxIdle) this.idle.push(server);
    }
  }
}
