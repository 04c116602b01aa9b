
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { detailQuerySchema, listQuerySchema, pageSchema, paginate, problemResponses, slugSchema } from '../schemas/common.js';
import { comparisonSchema, responsibilityPageSchema, responsibilitySchema, roleParamsSchema, roleSchema, roleSkillCategorySchema, roleSummarySchema, roleTechnologySchema } from '../schemas/roles.js';
import { jsonLdDetailQuerySchema, jsonLdResponse, occupationJsonLdSchema } from '../schemas/jsonld.js';
import { jsonLdTarget, negotiateJsonLd, sendJsonLd } from '../http/negotiate-json-ld.js';
import { JSON_LD_MEDIA_TYPE } from '../jsonld/media-type.js';
import { readRoleJsonLd } from '../jsonld/resources.js';

const tags = ['roles'];

const roleList = pageSchema(roleSummarySchema, 'RolePage');
const skillCategoryPage = pageSchema(roleSkillCategorySchema, 'RoleSkillCategoryPage');
const technologyPage = pageSchema(roleTechnologySchema, 'RoleTechnologyPage');
const comparisonPage = pageSchema(comparisonSchema, 'ComparisonPage');

const rolesRoutes: FastifyPluginAsyncZod = async (app) => {
  const roles = () => app.repositories.roles;

  app.get(
    '/roles',
    { schema: {
        operationId: 'listRoles', 'x-example-request': { url: '/roles?limit=2&lang=en' }, tags, summary: 'List roles', description: 'Roles described by a document come first, then roles the documents only name.', querystring: listQuerySchema, response: { 200: roleList, ...problemResponses(400) } } },
    async (request) => paginate(roles().list(request.lang), request.query),
  );

  app.get(
    '/roles/:role',
    { schema: {
        operationId: 'getRole', 'x-example-request': { url: '/roles/data-analyst?lang=en' }, tags, summary: 'Get a role', description: 'Definition, introduction, analogies, summary and what the comparisons say of the role. As a schema.org Occupation: `GET /roles/{role}/jsonld` (here, `Accept: application/ld+json` or `?format=jsonld` also negotiate it).', params: roleParamsSchema, querystring: jsonLdDetailQuerySchema, response: { 200: { description: 'The role.', content: { 'application/json': { schema: roleSchema } } }, ...problemResponses(400, 404) } } },
    async (request, reply) => {
      const jsonLd = negotiateJsonLd(request, reply);
      return jsonLd ? sendJsonLd(reply, readRoleJsonLd(roles(), request.params.role, jsonLd)) : roles().get(request.params.role, request.lang);
    },
  );

  app.get(
    '/roles/:role/jsonld',
    { schema: {
        operationId: 'getRoleJsonLd', 'x-example-request': { url: '/roles/data-analyst/jsonld?lang=en' }, tags, summary: 'Get a role as schema.org JSON-LD', description: 'The role as a schema.org Occupation, `@language` following the negotiated language.', params: roleParamsSchema, querystring: detailQuerySchema, response: { 200: jsonLdResponse(occupationJsonLdSchema, 'The role as a schema.org Occupation JSON-LD document.'), ...problemResponses(400, 404) } } },
    async (request, reply) => {
      reply.type(`${JSON_LD_MEDIA_TYPE}; charset=utf-8`);
      return readRoleJsonLd(roles(), request.params.role, jsonLdTarget(request));
    },
  );

  app.get(
    '/roles/:role/responsibilities',
    { schema: {
        operationId: 'listRoleResponsibilities', 'x-example-request': { url: '/roles/ai-engineer/responsibilities?limit=1&lang=en' }, tags, summary: "List a role's responsibilities", description: 'In document order, each with its tasks, technologies and the concepts it names.', params: roleParamsSchema, querystring: listQuerySchema, response: { 200: responsibilityPageSchema, ...problemResponses(400, 404) } } },
    async (request) => paginate(roles().responsibilities(request.params.role, request.lang), request.query),
  );

  app.get(
    '/roles/:role/responsibilities/:responsibility',
    {
      schema: {
        operationId: 'getRoleResponsibility',
        'x-example-request': { url: '/roles/ai-engineer/responsibilities/mlops?lang=en' },
        tags,
        summary: 'Get one responsibility',
        description: 'With its tasks, technologies and the concepts it names. `{responsibility}` is its id (`responsibility:ai-engineer.mlops`), slug, or name in either language.',
        params: roleParamsSchema.extend({ responsibility: slugSchema.describe('Responsibility slug, e.g. `data-pipelines`.') }),
        querystring: detailQuerySchema,
        response: { 200: responsibilitySchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => roles().responsibility(request.params.role, request.params.responsibility, request.lang),
  );

  app.get(
    '/roles/:role/skills',
    { schema: {
        operationId: 'listRoleSkills', 'x-example-request': { url: '/roles/ai-engineer/skills?limit=1&lang=en' }, tags, summary: "List a role's skills by category", description: 'Categories in document order; each item with its qualifier and the technologies it names.', params: roleParamsSchema, querystring: listQuerySchema, response: { 200: skillCategoryPage, ...problemResponses(400, 404) } } },
    async (request) => paginate(roles().skills(request.params.role, request.lang), request.query),
  );

  app.get(
    '/roles/:role/technologies',
    { schema: {
        operationId: 'listRoleTechnologies', 'x-example-request': { url: '/roles/ai-engineer/technologies?limit=2&lang=en' }, tags, summary: 'List every technology tied to a role', description: 'Each technology once, with every place that ties it to the role: a responsibility, a task, a skill or a comparison.', params: roleParamsSchema, querystring: listQuerySchema, response: { 200: technologyPage, ...problemResponses(400, 404) } } },
    async (request) => paginate(roles().technologies(request.params.role, request.lang), request.query),
  );

  app.get(
    '/roles/:role/comparisons',
    { schema: {
        operationId: 'listRoleComparisons', 'x-example-request': { url: '/roles/ai-engineer/comparisons?limit=1&lang=en' }, tags, summary: "List the documents' comparisons involving a role", description: "Each side's focus, key question and tools.", params: roleParamsSchema, querystring: listQuerySchema, response: { 200: comparisonPage, ...problemResponses(400, 404) } } },
    async (request) => paginate(roles().comparisons(request.params.role, request.lang), request.query),
  );
};

export default rolesRoutes;
