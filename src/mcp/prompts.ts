import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { roleParamsSchema } from '../schemas/roles.js';

/** A ready-made request an agent's user can pick: a plan to move into a role from the skills they have. */
export function registerPrompts(server: McpServer): void {
  server.registerPrompt(
    'transition_plan',
    {
      title: 'Plan a move into a role',
      description: 'Asks the assistant for a learning plan into a role, from the skills the person has, using the rolegraph tools.',
      argsSchema: {
        role: roleParamsSchema.shape.role,
        skills: z.string().min(1).max(2000).describe('What the person knows, comma-separated (`Python, SQL, Docker`), or a CV excerpt.'),
      },
    },
    ({ role, skills }) => ({
      messages: [
        {
          role: 'user',
          content: {
            type: 'text',
            text:
              `I want to move into the role "${role}". What I know: ${skills}\n\n` +
              'Use the rolegraph tools: get_role for what the role is; if what I know is free text, extract_entities to find the technologies and skills in it; ' +
              'skill_gap with those as `have` for what I already cover and what is missing; list_responsibilities for the work the missing items serve. ' +
              'Then give me a plan in steps, most valuable gaps first, each step naming the responsibilities it unlocks.',
          },
        },
      ],
    }),
  );
}
