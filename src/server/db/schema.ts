/**
 * The one drizzle schema, one file per domain under schema/, all re-exported here: drizzle-kit
 * and every repository import this module.
 */
export * from './schema/foundation.ts';
export * from './schema/reference.ts';
export * from './schema/pipeline.ts';
export * from './schema/projects.ts';
export * from './schema/dispatch.ts';
export * from './schema/intake.ts';
