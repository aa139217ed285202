/**
 * Response serialisation from the operation's response schema (issue 17 item 1).
 *
 * fastify-type-provider-zod's serializer runs the zod schema over every response (a full copy, and
 * every check) and then JSON.stringify. Here each route's zod schema is turned once, at start, into
 * a JSON schema for Fastify's own fast-json-stringify, which writes only the schema's properties:
 * a field the schema does not list is never sent (the security property of decision "responses
 * are parsed through their schema"). What is given up is the response *validation* (a wrong type
 * or a bad enum value is written rather than a 500): the handlers' results are typed by the
 * contract, and the test runs compare both serialisers on every response (mode `compare`).
 *
 * The converter is our own walk of the zod tree rather than z.toJSONSchema, because it must refuse
 * whatever fast-json-stringify would not write exactly as zod + JSON.stringify do (transforms,
 * pipes, defaults, overwriting checks such as trim, dates, unions of objects: fast-json-stringify
 * picks a branch by ajv validation, which an extra key would fail). A route with such a schema keeps
 * the zod serialiser: `serializerFallbacks` lists them (logged at start in development).
 */
import fastJson from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import type { z } from 'zod';

/** `fast`: the compiled serialiser where the schema allows it; `zod`: always the zod one; `compare`: both, failing on any difference (tests). */
export type SerializerMode = 'fast' | 'zod' | 'compare';

type JsonSchema = Record<string, unknown>;
type Conversion = { schema: JsonSchema } | { reason: string };

/** Routes (`METHOD url status`) whose response schema could not be compiled, with why: they use the zod serialiser. */
export const serializerFallbacks = new Map<string, string>();

class Unsupported extends Error {}

const def = (schema: z.ZodType) => schema._zod.def as unknown as Record<string, any> & { type: string };

/** A check that rewrites the value (trim, toLowerCase, normalize…) changes the output: not compiled. */
function assertNoOverwrite(schema: z.ZodType, at: string) {
  const checks = (def(schema).checks ?? []) as { _zod: { def: { check: string } } }[];
  if (checks.some((c) => c._zod.def.check === 'overwrite')) throw new Unsupported(`${at}: a check that rewrites the value (e.g. trim)`);
}

/** The JSON type of a literal or enum's values, when they share one. */
function primitiveType(values: unknown[], at: string): 'string' | 'number' | 'boolean' {
  const types = new Set(values.map((v) => typeof v));
  const [only] = types;
  if (types.size === 1 && (only === 'string' || only === 'boolean' || (only === 'number' && values.every((v) => Number.isFinite(v))))) return only as 'string' | 'number' | 'boolean';
  throw new Unsupported(`${at}: literal/enum values of mixed or non-JSON types`);
}

function nullable(schema: JsonSchema): JsonSchema {
  // An unconstrained value ({}) already writes null as null.
  return Object.keys(schema).length === 0 ? schema : { ...schema, nullable: true };
}

/** One zod schema → a fast-json-stringify schema, or Unsupported. `optional` is reported to the parent object. */
function convert(schema: z.ZodType, at: string, stack: Set<z.ZodType>): { json: JsonSchema; optional: boolean } {
  if (stack.has(schema)) throw new Unsupported(`${at}: recursive schema`);
  stack.add(schema);
  try {
    const d = def(schema);
    assertNoOverwrite(schema, at);
    switch (d.type) {
      case 'string':
      case 'template_literal':
        return { json: { type: 'string' }, optional: false };
      case 'number':
        // 'number', not 'integer': fast-json-stringify would truncate a non-integer, zod would refuse it.
        return { json: { type: 'number' }, optional: false };
      case 'boolean':
        return { json: { type: 'boolean' }, optional: false };
      case 'null':
        return { json: { type: 'null' }, optional: false };
      case 'unknown':
      case 'any':
        // zod passes the value through untouched; an empty schema is JSON.stringify in fast-json-stringify too.
        return { json: {}, optional: true };
      case 'literal': {
        const values = d.values as unknown[];
        const nonNull = values.filter((v) => v !== null);
        if (nonNull.length === 0) return { json: { type: 'null' }, optional: false };
        const json: JsonSchema = { type: primitiveType(nonNull, at) };
        return { json: nonNull.length < values.length ? nullable(json) : json, optional: false };
      }
      case 'enum':
        return { json: { type: primitiveType(Object.values(d.entries as Record<string, unknown>), at) }, optional: false };
      case 'nullable': {
        const inner = convert(d.innerType, at, stack);
        return { json: nullable(inner.json), optional: inner.optional };
      }
      case 'optional': {
        const inner = convert(d.innerType, at, stack);
        return { json: inner.json, optional: true };
      }
      case 'readonly':
        return convert(d.innerType, at, stack);
      case 'array':
        return { json: { type: 'array', items: convert(d.element, `${at}[]`, stack).json }, optional: false };
      case 'object': {
        const catchall = d.catchall as z.ZodType | undefined;
        // z.object strips unknown keys, z.strictObject refuses them (a 500): both send only the shape.
        if (catchall && def(catchall).type !== 'never') throw new Unsupported(`${at}: an object that keeps unknown keys (loose or catchall)`);
        const properties: Record<string, JsonSchema> = {};
        const required: string[] = [];
        for (const [key, value] of Object.entries(d.shape as Record<string, z.ZodType>)) {
          const property = convert(value, at ? `${at}.${key}` : key, stack);
          properties[key] = property.json;
          if (!property.optional) required.push(key);
        }
        // fast-json-stringify writes required properties first; zod writes the shape's order. Where
        // an optional key comes before a required one, `required` is left out to keep zod's order (a
        // missing key is then left out rather than refused; the web parses every answer with zod).
        const keys = Object.keys(properties);
        const inOrder = keys.slice(0, required.length).every((key, i) => key === required[i]);
        return { json: { type: 'object', properties, ...(inOrder ? { required } : {}), additionalProperties: false }, optional: false };
      }
      case 'record': {
        const key = d.keyType as z.ZodType;
        const keyDef = def(key);
        // An enum or literal key makes zod's record exhaustive and refuse other keys: not compiled.
        if (keyDef.type !== 'string' || (keyDef.checks ?? []).length > 0) throw new Unsupported(`${at}: a record whose keys are not plain strings`);
        return { json: { type: 'object', additionalProperties: convert(d.valueType, `${at}{}`, stack).json }, optional: false };
      }
      case 'union': {
        // Only a union of primitives of one JSON type (e.g. string literals) is written the same by both.
        const options = (d.options as z.ZodType[]).map((option) => convert(option, at, stack).json);
        const isNull = (o: JsonSchema) => o.type === 'null';
        const rest = options.filter((o) => !isNull(o));
        const simple = rest.every((o) => Object.keys(o).length === 1 && ['string', 'number', 'boolean'].includes(o.type as string) && o.type === rest[0]!.type);
        if (rest.length === 0 || !simple) throw new Unsupported(`${at}: a union fast-json-stringify would resolve by validation`);
        return { json: rest.length < options.length ? nullable(rest[0]!) : rest[0]!, optional: false };
      }
      default:
        throw new Unsupported(`${at || 'response'}: ${d.type}`);
    }
  } finally {
    stack.delete(schema);
  }
}

/** The fast-json-stringify schema of a response, or why it cannot be one. */
export function toFastSchema(schema: z.ZodType): Conversion {
  try {
    const { json } = convert(schema, '', new Set());
    return { schema: json };
  } catch (error) {
    if (error instanceof Unsupported) return { reason: error.message };
    throw error;
  }
}

/** Fastify's serializer compiler: called once per route and status when the app is built. */
export function createSerializerCompiler(mode: SerializerMode): FastifySerializerCompiler<z.ZodType> {
  return (routeSchema) => {
    const { schema, method, url, httpStatus } = routeSchema;
    // The zod path is fastify-type-provider-zod's own (encode through the schema, then JSON.stringify).
    const viaZod = zodSerializerCompiler(routeSchema as never);
    if (mode === 'zod' || !isZod(schema)) return viaZod;
    const converted = toFastSchema(schema);
    if ('reason' in converted) {
      serializerFallbacks.set(`${method} ${url} ${httpStatus ?? ''}`.trim(), converted.reason);
      return viaZod;
    }
    const fast = fastJson(converted.schema as never);
    if (mode === 'fast') return fast;
    return (data: unknown) => {
      const expected = viaZod(data);
      let actual: string;
      try {
        actual = fast(data as never);
      } catch (error) {
        actual = `(threw: ${(error as Error).message})`;
      }
      if (actual === expected) return actual;
      // A difference is a bug in toFastSchema: said on stderr too, as the tests' logger is silent.
      const message = `${method} ${url}: the compiled serializer wrote ${actual.slice(0, 600)}, zod ${expected.slice(0, 600)}`;
      console.error(message);
      throw new Error(message);
    };
  };
}

const isZod = (schema: unknown): schema is z.ZodType => typeof schema === 'object' && schema !== null && '_zod' in schema;
