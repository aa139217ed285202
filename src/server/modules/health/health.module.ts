import { defineModule } from '../../platform/module.ts';
import { healthRoutes } from './health.routes.ts';

export const healthModule = defineModule({
  name: 'health',
  plugin: async (app, _service, ctx) => app.register(healthRoutes, { database: ctx.database, version: ctx.version }),
});
