import { chinaToday } from '../../platform/clock.ts';
import { defineModule, type SecurityFixtureContext } from '../../platform/module.ts';
import { demoId } from '../../seed/demo-ids.ts';
import { leadsPolicy } from './leads.policy.ts';
import { createLeadsRepository } from './leads.repository.ts';
import { leadsRoutes } from './leads.routes.ts';
import { seedPipeline } from './leads.seed.ts';
import { createLeadsService, type LeadsService } from './leads.service.ts';
import { leadSearch } from './leads.search.ts';

declare module '../../platform/module.ts' {
  interface ModuleServices {
    leads: LeadsService;
  }
}

/** A trip logged by 河津's leader (the demo has none there). */
async function hejinTrip({ login }: SecurityFixtureContext): Promise<string> {
  const hejinLeader = await login('hejin');
  const trip = await hejinLeader.post('/api/trips', {
    title: '赴长三角招商',
    destination: '江苏省苏州市',
    startOn: '2026-01-05',
    endOn: '2026-01-07',
    leader: '郑海',
  });
  return trip.body.id;
}

const hejinLead = () => demoId('lead:zhonglv-foil');
const leadRoutes = ['', '/stage', '/status', '/agreements', '/files', '/activities', '/timeline', '/convert', '/merge'].map((tail) => `/api/leads/:id${tail}`);

export const leadsModule = defineModule({
  name: 'leads',
  policy: leadsPolicy,
  service: ({ db, audit, clock, services }) =>
    createLeadsService({ db, leads: createLeadsRepository(), enterprises: services.enterprises, audit, clock, projects: services.projects }),
  records: (leads) => ({
    lead: (s, id) => leads.inCallerScope(s, 'lead', id),
    trip: (s, id) => leads.inCallerScope(s, 'trip', id),
    leadFile: (s, id) => leads.inCallerScope(s, 'leadFile', id),
    leadView: (s, id) => leads.inCallerScope(s, 'leadView', id),
  }),
  routes: leadsRoutes,
  search: (service) => leadSearch(service),
  // The funnel's read model appends a delta per write (decision 028): folded every minute, so a
  // province's funnel sums about one row per zone, stage and status.
  jobs: (leads) => [{ name: 'leads.compact-stage-counts', intervalMs: 60_000, run: async () => void (await leads.compactStageCounts()) }],
  seed: { order: 30, run: (tx, { scale, clock }) => seedPipeline(tx, { scale, today: chinaToday(clock) }) },
  securityFixtures: {
    ...Object.fromEntries(leadRoutes.map((url) => [url, hejinLead] as const)),
    '/api/lead-files/:id': () => demoId('lead-file:zhonglv-foil:fw'),
    '/api/trips/:id': hejinTrip,
    '/api/trips/:id/meetings': hejinTrip,
    '/api/lead-views/:id': async ({ login }) =>
      (await (await login('hejin')).post('/api/lead-views', { name: `视图${Math.random()}`, query: { stage: 'intent' } })).body.id,
  },
});
