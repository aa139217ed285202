import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  // The shared schema, plus the tables a module keeps in its own folder (`<module>.schema.ts`).
  schema: ['./src/server/db/schema.ts', './src/server/modules/*/*.schema.ts'],
  out: './src/server/db/migrations',
});
