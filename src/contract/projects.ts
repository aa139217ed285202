/**
 * The projects contract, by topic under contract/projects/: the words (vocabulary), field reasons,
 * the project itself (core), its plan, its progress, settings and the operations. This barrel keeps
 * `contract/projects.ts` importable as one module.
 */
import './projects/reasons.ts';

export * from './projects/vocabulary.ts';
export * from './projects/settings.ts';
export * from './projects/plan.ts';
export * from './projects/progress.ts';
export * from './projects/core.ts';
export * from './projects/operations.ts';
