/** 要素保障 demo data: four requests of 汾东's projects (two open, one resolved, one land request), one of 河津. */
import { addDays } from '../../../contract/periods.ts';
import type { DbOrTx } from '../../db/client.ts';
import { chinaToday, type Clock } from '../../platform/clock.ts';
import { demoId } from '../../seed/demo-ids.ts';
import { departmentId } from '../org/org.seed.ts';
import { factorRequests } from './factors.schema.ts';

export async function seedFactors(tx: DbOrTx, options: { clock?: Clock } = {}) {
  const today = chinaToday(options.clock);
  const zoneId = demoId('zone:fendong');
  await tx.insert(factorRequests).values([
    {
      id: demoId('factor:fendong:pv-power'),
      zoneId,
      projectId: demoId('project:huasheng-pv2'),
      kind: 'power',
      description: '二期投产新增用电负荷',
      quantity: '20 MVA',
      requestedOn: addDays(today, -25),
      neededBy: addDays(today, 60),
      departmentId: departmentId('fendong', 'project'),
    },
    {
      id: demoId('factor:fendong:hydrogen-gas'),
      zoneId,
      projectId: demoId('project:hydrogen-park'),
      kind: 'gas',
      description: '园区天然气管线接入',
      quantity: '3000 立方米/日',
      requestedOn: addDays(today, -12),
      neededBy: addDays(today, 90),
    },
    {
      id: demoId('factor:fendong:crrc-talent'),
      zoneId,
      projectId: demoId('project:crrc-rail'),
      kind: 'talent',
      description: '焊接技师短缺',
      quantity: '30 人',
      requestedOn: addDays(today, -40),
      status: 'resolved',
      outcome: '对接运城职业技术大学订单班，首批 20 人到岗',
      resolvedOn: addDays(today, -5),
    },
    {
      id: demoId('factor:fendong:quartz-land'),
      zoneId,
      projectId: demoId('project:quartz-sand'),
      kind: 'land',
      description: '二期用地指标',
      quantity: '120 亩',
      requestedOn: addDays(today, -8),
      neededBy: addDays(today, 120),
    },
  ]);
  await tx.insert(factorRequests).values({
    id: demoId('factor:hejin'),
    zoneId: demoId('zone:hejin'),
    projectId: demoId('project:hejin-profile'),
    kind: 'water',
    description: '生产用水扩容',
    requestedOn: addDays(today, -3),
  });
  return { requests: 5 };
}
