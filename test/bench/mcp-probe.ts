import { measureMcpTwins, renderMcpTwins } from './mcp-twins.js';

/** `tsx test/bench/mcp-probe.ts PORT [SECONDS]`: only the MCP-vs-REST line, against a server already running. */
const port = Number(process.argv[2]);
const opts = { connections: 10, durationS: Number(process.argv[3] ?? 5), warmupS: 1 };
const rows = await measureMcpTwins(port, opts, (line) => console.error(line));
console.log(renderMcpTwins(rows, opts));
