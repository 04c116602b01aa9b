import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listQuerySchema, pageSchema, paginate, problemResponses, skillKindSchema, slugSchema, technologyKindSchema } from '../schemas/common.js';
import { skillSchema, skillSummarySchema, technologySchema, technologySummarySchema } from '../schemas/catalog.js';
import { definedTermJsonLdSchema, jsonLdDetailQuerySchema, jsonOrJsonLd } from '../schemas/jsonld.js';
import { negotiateJsonLd } from '../jsonld/negotiate.js';
import { readSkillJsonLd, readTechnologyJsonLd } from '../jsonld/resources.js';

const technologyPage = pageSchema(technologySummarySchema, 'TechnologyPage');
const skillPage = pageSchema(skillSummarySchema, 'SkillPage');

const catalogRoutes: FastifyPluginAsyncZod = async (app) => {
  const catalog = () => app.repositories.catalog;

  app.get(
    '/technologies',
    {
      schema: {
        operationId: 'listTechnologies',
        tags: ['technologies'],
        summary: 'List technologies',
        description: 'Sorted by name.',
        querystring: listQuerySchema.extend({ kind: technologyKindSchema.optional().describe('Only technologies of this kind.') }),
        response: { 200: technologyPage, ...problemResponses(400) },
      },
    },
    async (request) => paginate(catalog().listTechnologies(request.query.kind), request.query),
  );

  app.get(
    '/technologies/:technology',
    {
      schema: {
        operationId: 'getTechnology',
        tags: ['technologies'],
        summary: 'Get a technology and everything that uses it',
        description: 'An alias resolves (`k8s`, `GCP`, `sklearn`). Lists every role, responsibility, task, skill and comparison that names it. `Accept: application/ld+json` (or `?format=jsonld`) gives it as a schema.org DefinedTerm.',
        params: z.object({ technology: slugSchema.describe('Technology slug, name or alias.') }),
        querystring: jsonLdDetailQuerySchema,
        response: { 200: jsonOrJsonLd(technologySchema, definedTermJsonLdSchema, 'The technology, or its schema.org DefinedTerm JSON-LD.'), ...problemResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const jsonLd = negotiateJsonLd(request, reply);
      return jsonLd ? readTechnologyJsonLd(catalog(), request.params.technology, jsonLd) : catalog().technology(request.params.technology, request.lang);
    },
  );

  app.get(
    '/skills',
    {
      schema: {
        operationId: 'listSkills',
        tags: ['skills'],
        summary: 'List skills',
        description: 'In order of first appearance.',
        querystring: listQuerySchema.extend({ kind: skillKindSchema.optional().describe('Only technical or only soft skills.') }),
        response: { 200: skillPage, ...problemResponses(400) },
      },
    },
    async (request) => paginate(catalog().listSkills(request.lang, request.query.kind), request.query),
  );

  app.get(
    '/skills/:skill',
    {
      schema: {
        operationId: 'getSkill',
        tags: ['skills'],
        summary: 'Get a skill and the roles that require it',
        description: '`Accept: application/ld+json` (or `?format=jsonld`) gives it as a schema.org DefinedTerm.',
        params: z.object({ skill: slugSchema.describe('Skill slug, e.g. `python`, `problem-solving`.') }),
        querystring: jsonLdDetailQuerySchema,
        response: { 200: jsonOrJsonLd(skillSchema, definedTermJsonLdSchema, 'The skill, or its schema.org DefinedTerm JSON-LD.'), ...problemResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const jsonLd = negotiateJsonLd(request, reply);
      return jsonLd ? readSkillJsonLd(catalog(), request.params.skill, jsonLd) : catalog().skill(request.params.skill, request.lang);
    },
  );
};

export default catalogRoutes;
