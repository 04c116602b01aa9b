import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import type { DataContext } from '../data/data-context.js';
import { DomainError } from '../model/domain-errors.js';
import { LANGUAGES, type Lang, localized } from '../lib/language.js';
import type { Analyses } from './analyses.js';

/** What a tool call works with: the data current when the call arrived, the analyses, the language asked for. */
export interface ToolContext {
  data: DataContext;
  analyses: Analyses;
  lang: Lang;
}

/** What every tool's server shares: where the data is, how analyses run, the language when a call names none. */
export interface ToolDeps {
  data: () => DataContext;
  analyses: Analyses;
  defaultLanguage: Lang;
}

interface ToolDefinition<I extends z.ZodRawShape, O extends z.ZodObject> {
  name: string;
  title: string;
  /** What an agent reads to decide when to call it and with what. */
  description: string;
  /** The route's own parameter schemas; `lang` is added to every tool. */
  input: I;
  /** The route's own response schema: `structuredContent` is its output. */
  output: O;
  run(args: z.output<z.ZodObject<I>>, context: ToolContext): z.output<O> | Promise<z.output<O>>;
  /** The short rendering for clients that read only text. */
  text(result: z.output<O>, lang: Lang, args: z.output<z.ZodObject<I>>): string;
}

export interface Tool {
  name: string;
  register(server: McpServer, deps: ToolDeps): void;
}

const langSchema = z
  .enum(LANGUAGES)
  .optional()
  .describe(`Language of names and texts: ${LANGUAGES.join(' or ')}; the server's default language (Polish unless configured) when absent. Texts without a translation stay Polish and are listed in \`untranslated\`.`);

/** A domain error (the REST route would answer a 4xx/503 problem): for a tool, an error result whose text is the problem's detail. */
function problemDetail(error: unknown, lang: Lang): string | null {
  return error instanceof DomainError ? localized(error.detail, lang) : null;
}

export function defineTool<I extends z.ZodRawShape, O extends z.ZodObject>(definition: ToolDefinition<I, O>): Tool {
  // Built once, not per registration: the HTTP endpoint registers every tool on a fresh server per request,
  // and zod compiles a parser for each object schema instance on its first parse.
  const input = z.object({ ...definition.input, lang: langSchema });
  // The same fields, minus the component id: MCP wants an output schema whose top level is an object,
  // not a reference to one (nested components still come out as definitions).
  const output = z.object(definition.output.shape);
  return {
    name: definition.name,
    register(server, deps) {
      server.registerTool(
        definition.name,
        {
          title: definition.title,
          description: definition.description,
          inputSchema: input,
          outputSchema: output,
          // Nothing here changes anything, and everything stays within rolegraph's own data.
          annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
        },
        (async (args: z.output<z.ZodObject<I>> & { lang?: Lang }): Promise<CallToolResult> => {
          const lang = args.lang ?? deps.defaultLanguage;
          try {
            const result = await definition.run(args, { data: deps.data(), analyses: deps.analyses, lang });
            // Parsed as the REST serializer parses a response: exactly the schema's fields, nothing else.
            const structured = definition.output.parse(result) as Record<string, unknown>;
            return { content: [{ type: 'text', text: definition.text(result, lang, args) }], structuredContent: structured };
          } catch (error) {
            const detail = problemDetail(error, lang);
            if (detail === null) throw error;
            return { isError: true, content: [{ type: 'text', text: detail }] };
          }
        }) as never,
      );
    },
  };
}
