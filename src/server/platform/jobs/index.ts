/** platform/jobs: interval jobs in the server process, one runner at a time per database (runner.ts). */
export { createJobRunner, type JobDefinition, type JobRunner, type TickResult } from './runner.ts';
