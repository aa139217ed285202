import type { TestProject } from 'vitest/node';
import { buildTemplates, dropTemplates } from './templates.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    templateRun: string;
  }
}

export default async function setup(project: TestProject) {
  const run = String(process.pid);
  await buildTemplates(run);
  project.provide('templateRun', run);
  return () => dropTemplates(run);
}
