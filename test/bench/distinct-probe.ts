import { distinctUrls, measureDistinct } from './esco-distinct.js';
import type { RunningServer } from './spawn-server.js';

/** `tsx test/bench/distinct-probe.ts PORT [COUNT]`: the distinct-URL measurement against a server already running. */
const port = Number(process.argv[2]);
const count = Number(process.argv[3] ?? 150);
const server = { port } as RunningServer;
await measureDistinct(server, await distinctUrls(server, count), count, {}, 'warm');
