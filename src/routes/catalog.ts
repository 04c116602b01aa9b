
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { detailQuerySchema, listQuerySchema, pageSchema, paginate, problemResponses, skillKindSchema, technologyKindSchema } from '../schemas/common.js';
import { skillParamsSchema, skillRoleSchema, skillSchema, skillSummarySchema, technologyParamsSchema, technologySchema, technologySummarySchema } from '../schemas/catalog.js';
import { definedTermJsonLdSchema, jsonLdDetailQuerySchema, jsonLdResponse } from '../schemas/jsonld.js';
import { jsonLdTarget, negotiateJsonLd, sendJsonLd } from '../http/negotiate-json-ld.js';
import { JSON_LD_MEDIA_TYPE } from '../jsonld/media-type.js';
import { readSkillJsonLd, readTechnologyJsonLd } from '../jsonld/resources.js';

const technologyPage = pageSchema(technologySummarySchema, 'TechnologyPage');
const skillPage = pageSchema(skillSummarySchema, 'SkillPage');
const skillRolePage = pageSchema(skillRoleSchema, 'SkillRolePage');

const catalogRoutes: FastifyPluginAsyncZod = async (app) => {
  const catalog = () => app.repositories.catalog;

  app.get(
    '/technologies',
    {
      schema: {
        operationId: 'listTechnologies',
        'x-example-request': { url: '/technologies?limit=2&lang=en' },
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
        'x-example-request': { url: '/technologies/dvc?lang=en' },
        tags: ['technologies'],
        summary: 'Get a technology and everything that uses it',
        description: 'An alias resolves (`k8s`, `GCP`, `sklearn`). Lists every role, responsibility, task, skill and comparison that names it. As a schema.org DefinedTerm: `GET /technologies/{technology}/jsonld` (here, `Accept: application/ld+json` or `?format=jsonld` also negotiate it).',
        params: technologyParamsSchema,
        querystring: jsonLdDetailQuerySchema,
        response: { 200: { description: 'The technology and everything that uses it.', content: { 'application/json': { schema: technologySchema } } }, ...problemResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const jsonLd = negotiateJsonLd(request, reply);
      return jsonLd ? sendJsonLd(reply, readTechnologyJsonLd(catalog(), request.params.technology, jsonLd)) : catalog().technology(request.params.technology, request.lang);
    },
  );

  app.get(
    '/technologies/:technology/jsonld',
    {
      schema: {
        operationId: 'getTechnologyJsonLd',
        'x-example-request': { url: '/technologies/dvc/jsonld?lang=en' },
        tags: ['technologies'],
        summary: 'Get a technology as schema.org JSON-LD',
        description: 'The technology as a schema.org DefinedTerm in the DefinedTermSet of technologies, `@language` following the negotiated language.',
        params: technologyParamsSchema,
        querystring: detailQuerySchema,
        response: { 200: jsonLdResponse(definedTermJsonLdSchema, 'The technology as a schema.org DefinedTerm JSON-LD document.'), ...problemResponses(400, 404) },
      },
    },
    async (request, reply) => {
      reply.type(`${JSON_LD_MEDIA_TYPE}; charset=utf-8`);
      return readTechnologyJsonLd(catalog(), request.params.technology, jsonLdTarget(request));
    },
  );

  app.get(
    '/skills',
    {
      schema: {
        operationId: 'listSkills',
        'x-example-request': { url: '/skills?limit=2&lang=en' },
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
        'x-example-request': { url: '/skills/kubernetes?lang=en' },
        tags: ['skills'],
        summary: 'Get a skill and the roles that require it',
        description: 'As a schema.org DefinedTerm: `GET /skills/{skill}/jsonld` (here, `Accept: application/ld+json` or `?format=jsonld` also negotiate it).',
        params: skillParamsSchema,
        querystring: jsonLdDetailQuerySchema,
        response: { 200: { description: 'The skill and the roles that require it.', content: { 'application/json': { schema: skillSchema } } }, ...problemResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const jsonLd = negotiateJsonLd(request, reply);
      return jsonLd ? sendJsonLd(reply, readSkillJsonLd(catalog(), request.params.skill, jsonLd)) : catalog().skill(request.params.skill, request.lang);
    },
  );

  app.get(
    '/skills/:skill/roles',
    {
      schema: {
        operationId: 'listSkillRoles',
        'x-example-request': { url: '/skills/python/roles?limit=2&lang=en' },
        tags: ['skills'],
        summary: 'List the roles that need a skill',
        description: "Each role once, in the order of `GET /roles`, with every line of its skills that names the skill (its category, text and qualifier). The crosswalk of `GET /roles/{role}/skills`.",
        params: skillParamsSchema,
        querystring: listQuerySchema,
        response: { 200: skillRolePage, ...problemResponses(400, 404) },
      },
    },
    async (request) => paginate(catalog().skillRoles(request.params.skill, request.lang), request.query),
  );

  app.get(
    '/skills/:skill/jsonld',
    {
      schema: {
        operationId: 'getSkillJsonLd',
        'x-example-request': { url: '/skills/kubernetes/jsonld?lang=en' },
        tags: ['skills'],
        summary: 'Get a skill as schema.org JSON-LD',
        description: 'The skill as a schema.org DefinedTerm in the DefinedTermSet of skills, `@language` following the negotiated language.',
        params: skillParamsSchema,
        querystring: detailQuerySchema,
        response: { 200: jsonLdResponse(definedTermJsonLdSchema, 'The skill as a schema.org DefinedTerm JSON-LD document.'), ...problemResponses(400, 404) },
      },
    },
    async (request, reply) => {
      reply.type(`${JSON_LD_MEDIA_TYPE}; charset=utf-8`);
      return readSkillJsonLd(catalog(), request.params.skill, jsonLdTarget(request));
    },
  );
};

export default catalogRoutes;
