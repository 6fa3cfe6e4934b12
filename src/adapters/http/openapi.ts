/**
 * The OpenAPI 3.1 document of the JSON API, generated from the route table
 * (`./routes.ts`) and its `zod/mini` schemas (`./schemas.ts`,
 * `./responses.ts`) with zod's own `z.toJSONSchema` (JSON Schema 2020-12,
 * the dialect of OpenAPI 3.1). Build time only: `npm run build:openapi`
 * writes the result to `src/generated/openapi.ts`, which the Worker serves at
 * `/api/openapi.json`.
 * @module
 */
import * as z from 'zod/mini';
import * as responses from './responses.js';
import { API_INFO, ROUTES, type RouteDoc } from './routes.js';
import type { Doc } from './schemas.js';

type JsonSchema = Record<string, unknown>;

const COMPONENTS = '#/components/schemas/';

/** Options for `z.toJSONSchema`: the request's view (before coercion), and no safe-integer bounds on every integer. */
const OPTIONS = {
  target: 'draft-2020-12',
  io: 'input',
  unrepresentable: 'throw',
  override: ({ jsonSchema }: { jsonSchema: JsonSchema }) => {
    if (jsonSchema.type !== 'integer') return;
    if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
    if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
  },
} as const;

/** JSON Schema of one schema as a request states it (before coercion and trimming). */
function jsonSchema(schema: z.ZodMiniType): JsonSchema {
  const { $schema: _s, ...rest } = z.toJSONSchema(schema, OPTIONS) as JsonSchema;
  return rest;
}

/** A `$ref` to the component a schema was registered as (`doc(schema, { id })`). */
function ref(schema: z.ZodMiniType): JsonSchema {
  const id = (z.globalRegistry.get(schema) as Doc | undefined)?.id;
  if (!id) throw new Error('openapi: a request or response body must be a named component (doc(schema, { id }))');
  return { $ref: COMPONENTS + id };
}

/** Query or path parameters from an object schema: one per property, documented from its metadata. */
function parameters(where: 'query' | 'path', object: z.ZodMiniObject): JsonSchema[] {
  return Object.entries(object.def.shape).map(([name, prop]) => {
    const schema = prop as z.ZodMiniType;
    const { description, examples, ...rest } = jsonSchema(schema) as JsonSchema & { description?: string; examples?: unknown[] };
    return {
      name,
      in: where,
      required: where === 'path' || schema._zod.optin !== 'optional',
      ...(description ? { description } : {}),
      schema: rest,
      ...(examples?.length ? { example: examples[0] } : {}),
    };
  });
}

function operation(route: RouteDoc): JsonSchema {
  const { body, query, params } = route.request ?? {};
  const params_ = [...(params ? parameters('path', params) : []), ...(query ? parameters('query', query) : [])];
  return {
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    tags: route.tags,
    ...(params_.length ? { parameters: params_ } : {}),
    ...(body ? { requestBody: { required: true, content: { 'application/json': { schema: ref(body) } } } } : {}),
    responses: Object.fromEntries(
      Object.entries(route.responses).map(([status, r]) => [
        status,
        { description: r.description, content: { 'application/json': { schema: ref(responses[r.schema]) } } },
      ]),
    ),
  };
}

/** The whole document, as a plain object. */
export function openApiDocument(): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of ROUTES) (paths[route.path] ??= {})[route.method] = operation(route);
  // Every schema registered with an id (the request body and the responses) becomes a component.
  const { schemas } = z.toJSONSchema(z.globalRegistry, { ...OPTIONS, uri: (id) => COMPONENTS + id }) as { schemas: Record<string, JsonSchema> };
  const components = Object.fromEntries(
    Object.entries(schemas)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([id, { $schema: _s, $id: _i, ...schema }]) => [id, schema]),
  );
  return { openapi: '3.1.0', info: API_INFO, paths, components: { schemas: components } };
}
