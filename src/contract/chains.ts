/**
 * The industrial-chain (产业链) contract and the enterprise profile, by topic under contract/chains/:
 * vocabularies (enums), the chain schemas, the profile schemas and the operations.
 */
export * from './chains/enums.ts';
export * from './chains/schemas.ts';
export * from './chains/profile.ts';
export * from './chains/operations.ts';
