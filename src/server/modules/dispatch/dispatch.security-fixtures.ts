/**
 * For the security walk: 河津 records (the zone a 汾东 caller must not reach), made once per test
 * app by 河津's leader, for every dispatch route with an :id.
 */
import type { SecurityFixtureContext } from '../../platform/module.ts';
import { demoId } from '../../seed/demo-ids.ts';

type Kind = 'blocker' | 'meeting' | 'decision' | 'campaign' | 'entry';
const made = new WeakMap<SecurityFixtureContext['login'], Promise<Record<Kind, string>>>();
const hejinZone = demoId('zone:hejin');

function hejinRecords(ctx: SecurityFixtureContext): Promise<Record<Kind, string>> {
  let records = made.get(ctx.login);
  if (!records) {
    records = (async () => {
      const hejin = await ctx.login('hejin');
      const created = async (url: string, body: unknown) => {
        const res = await hejin.post(url, body);
        if (res.status !== 201) throw new Error(`security fixture ${url}: ${res.status} ${JSON.stringify(res.body)}`);
        return res.body.id as string;
      };
      const blocker = await created('/api/blockers', { zoneId: hejinZone, title: '河津测试堵点', category: 'land', deadlineOn: '2099-01-01' });
      const meeting = await created('/api/meetings', { zoneId: hejinZone, heldOn: '2099-01-05' });
      const decision = await created(`/api/meetings/${meeting}/decisions`, {
        task: '河津测试事项',
        ownerUserId: demoId('user:hejin'),
        deadlineOn: '2099-01-10',
      });
      // One campaign a quarter: a later run on the same database takes the next free quarter.
      let campaign = '';
      for (let i = 0; !campaign && i < 40; i++) {
        const res = await hejin.post('/api/campaigns', { zoneId: hejinZone, year: 2099 - Math.floor(i / 4), quarter: 1 + (i % 4) });
        if (res.status === 201) campaign = res.body.id;
      }
      const entry = await created(`/api/campaigns/${campaign}/entries`, { batch: 'start', projectId: demoId('project:hejin-port') });
      return { blocker, meeting, decision, campaign, entry };
    })();
    made.set(ctx.login, records);
  }
  return records;
}

const of = (kind: Kind) => async (ctx: SecurityFixtureContext) => (await hejinRecords(ctx))[kind];

export const dispatchSecurityFixtures: Record<string, (ctx: SecurityFixtureContext) => Promise<string> | string> = {
  '/api/blockers/:id': of('blocker'),
  '/api/blockers/:id/escalate': of('blocker'),
  '/api/blockers/:id/resolve': of('blocker'),
  '/api/blockers/:id/reopen': of('blocker'),
  '/api/blockers/:id/reminder.docx': of('blocker'),
  // A seeded notice of 刘卫东 (deputy): nobody else's to mark read.
  '/api/notifications/:id/read': () => demoId('notification:deputy:casting-customs'),
  '/api/meetings/:id': of('meeting'),
  '/api/meetings/:id/agenda': of('meeting'),
  '/api/meetings/:id/agenda/regenerate': of('meeting'),
  '/api/meetings/:id/close': of('meeting'),
  '/api/meetings/:id/decisions': of('meeting'),
  '/api/meetings/:id/brief.docx': of('meeting'),
  '/api/decisions/:id': of('decision'),
  '/api/campaigns/:id': of('campaign'),
  '/api/campaigns/:id/entries': of('campaign'),
  '/api/campaigns/:id/tracking.xlsx': of('campaign'),
  '/api/campaign-entries/:id': of('entry'),
};
