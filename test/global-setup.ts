import { buildTemplates } from './templates.ts';

export default async function setup() {
  await buildTemplates();
}
