import type { DbOrTx } from '../../db/client.ts';
import { users, userZones } from '../../db/schema.ts';
import type { Role } from '../../../contract/roles.ts';
import { demoId } from '../../seed/demo-ids.ts';
import { departmentId, provinceZones } from '../org/org.seed.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { recordAudit } from '../../platform/audit.ts';
import { systemActor } from '../../platform/auth/session.ts';

export const DEMO_PASSWORD = 'zonedesk';

interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  title: string;
  zoneKeys?: string[];
  regionCode?: string;
  department?: string;
}

/** One user per role. The first five are the README's demo logins. */
export const demoUsers: DemoUser[] = [
  { username: 'admin', displayName: '系统管理员', role: 'system_admin', title: '信息中心管理员' },
  { username: 'leader', displayName: '张建国', role: 'zone_leader', title: '管委会主任', zoneKeys: ['fendong'], department: 'office' },
  { username: 'officer', displayName: '李婷', role: 'investment_officer', title: '投资促进局招商专员', zoneKeys: ['fendong'], department: 'investment' },
  { username: 'projects', displayName: '王磊', role: 'project_officer', title: '项目推进办公室专员', zoneKeys: ['fendong'], department: 'project' },
  { username: 'province', displayName: '赵敏', role: 'province_viewer', title: '省商务厅开发区处', regionCode: '140000' },
  { username: 'deputy', displayName: '刘卫东', role: 'deputy_leader', title: '管委会副主任（分管招商）', zoneKeys: ['fendong', 'hejin'], department: 'office' },
  { username: 'agent', displayName: '陈静', role: 'approval_agent', title: '行政审批局代办员', zoneKeys: ['fendong'], department: 'approval' },
  { username: 'service', displayName: '孙浩', role: 'service_officer', title: '企业服务局专员', zoneKeys: ['fendong'], department: 'service' },
  { username: 'viewer', displayName: '周晓', role: 'viewer', title: '党政办公室', zoneKeys: ['fendong'], department: 'office' },
  { username: 'city', displayName: '吴刚', role: 'city_viewer', title: '运城市商务局', regionCode: '140800' },
  { username: 'hejin', displayName: '郑海', role: 'zone_leader', title: '河津开发区管委会主任', zoneKeys: ['hejin'], department: 'office' },
  { username: 'gaoxin', displayName: '冯雪', role: 'investment_officer', title: '运城高新区招商专员', zoneKeys: ['yuncheng-hitech'], department: 'investment' },
];

export async function seedUser(db: DbOrTx, u: DemoUser, passwordHash: string, zoneIdOf: (key: string) => string): Promise<string> {
  const id = demoId(`user:${u.username}`);
  const firstZone = u.zoneKeys?.[0];
  await db.insert(users).values({
    id,
    username: u.username,
    displayName: u.displayName,
    passwordHash,
    role: u.role,
    title: u.title,
    regionCode: u.regionCode ?? null,
    departmentId: firstZone && u.department ? departmentId(firstZone, u.department) : null,
  });
  if (u.zoneKeys?.length) await db.insert(userZones).values(u.zoneKeys.map((k) => ({ userId: id, zoneId: zoneIdOf(k) })));
  return id;
}

/** One demo user per role (password `zonedesk`); at province scale a leader and two officers per extra zone. */
export async function seedDemoUsers(tx: DbOrTx, options: { scale: 'demo' | 'province' }): Promise<{ users: number }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const zoneIdOf = (key: string) => demoId(`zone:${key}`);
  let count = 0;
  for (const u of demoUsers) {
    const id = await seedUser(tx, u, passwordHash, zoneIdOf);
    await recordAudit(tx, systemActor, {
      zoneId: null,
      action: 'user.create',
      entityType: 'user',
      entityId: id,
      after: { username: u.username, displayName: u.displayName, role: u.role },
    });
    count++;
  }
  // A person record as a first dispatch-sheet import leaves one (decision 025): a 包联领导 the
  // sheet named, who never signs in until an admin opens a login for them (用户管理 → 开通登录).
  const personId = demoId('user:person-yang');
  await tx.insert(users).values({
    id: personId,
    username: `person.${personId}`,
    displayName: '杨志强',
    passwordHash: '!',
    role: 'viewer',
    title: '经开区党工委委员（包联领导）',
    signsIn: false,
    mustChangePassword: false,
    departmentId: departmentId('fendong', 'project'),
  });
  await tx.insert(userZones).values({ userId: personId, zoneId: zoneIdOf('fendong') });
  count++;
  for (const z of options.scale === 'province' ? provinceZones(100) : []) {
    for (const [suffix, role, department] of [
      ['leader', 'zone_leader', 'office'],
      ['officer', 'investment_officer', 'investment'],
      ['projects', 'project_officer', 'project'],
    ] as const) {
      await seedUser(
        tx,
        {
          username: `${z.code.toLowerCase()}-${suffix}`,
          displayName: `${z.shortName}${suffix === 'leader' ? '主任' : '专员'}`,
          role,
          title: '',
          zoneKeys: [z.key],
          department,
        },
        passwordHash,
        zoneIdOf,
      );
      count++;
    }
  }
  return { users: count };
}
