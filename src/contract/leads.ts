/**
 * The investment pipeline (招商) contract, by topic under contract/leads/: field reasons, the lead
 * itself (core), agreements and signed totals, activities and trips, and the operations. This
 * barrel keeps `contract/leads.ts` importable as one module.
 */
import './leads/reasons.ts';

export * from './leads/agreements.ts';
export * from './leads/core.ts';
export * from './leads/activities.ts';
export * from './leads/operations.ts';
