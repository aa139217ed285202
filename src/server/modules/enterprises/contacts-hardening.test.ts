/**
 * Issue 17 item 7: contact edits are versioned (a stale edit is a conflict, not a silent overwrite);
 * a contact's phone and e-mail are in full only for admins and the zones that work the enterprise,
 * masked for everyone else. The dispatch settings' first save checks the version too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterpriseOperations } from '../../../contract/enterprises.ts';
import { dispatchSettingsOperations } from '../../../contract/dispatch/settings.ts';
import { createTestContext, type TestContext } from '../../../../test/harness.ts';
import { buildEnterprise } from './enterprises.factories.ts';
import { demoId } from '../../seed/demo-ids.ts';
import { maskEmail, maskPhone } from './enterprises.service.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe('enterprise contacts', () => {
  it('an edit names the version it read: the second of two edits at one version is a conflict, writing nothing', async () => {
    const officer = await ctx.login('officer');
    const e = await buildEnterprise(officer);
    const contact = (await officer.call(enterpriseOperations.addContact, { params: { id: e.id }, body: { name: '王经理', phone: '13812345678' } })).body;
    expect(contact.version).toBe(1);
    const first = await officer.call(enterpriseOperations.updateContact, { params: { id: contact.id }, body: { name: '王总', phone: '13812345678', version: 1 } });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    const stale = await officer.call(enterpriseOperations.updateContact, { params: { id: contact.id }, body: { name: '王经理', version: 1 } });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    const missing = await officer.call(enterpriseOperations.updateContact, { params: { id: contact.id }, body: { name: '王经理' } });
    expect(missing.status).toBe(400);
    const page = await officer.call(enterpriseOperations.page, { params: { id: e.id } });
    expect(page.body.contacts[0]).toMatchObject({ name: '王总', version: 2 });
  });

  it("another zone's users see the contact masked; the working zone and admins in full", async () => {
    const officer = await ctx.login('officer'); // 汾东
    const e = await buildEnterprise(officer);
    await officer.call(enterpriseOperations.addContact, { params: { id: e.id }, body: { name: '李主任', phone: '13987654321', email: 'li.zhuren@example.com' } });
    const own = (await officer.call(enterpriseOperations.page, { params: { id: e.id } })).body.contacts[0];
    expect(own).toMatchObject({ phone: '13987654321', email: 'li.zhuren@example.com' });
    const admin = (await (await ctx.login('admin')).call(enterpriseOperations.page, { params: { id: e.id } })).body.contacts[0];
    expect(admin.phone).toBe('13987654321');
    const other = await (await ctx.login('gaoxin')).call(enterpriseOperations.page, { params: { id: e.id } }); // 运城高新区
    expect(other.status).toBe(200);
    expect(other.body.contacts[0]).toMatchObject({ name: '李主任', phone: '139****4321', email: 'l***@example.com' });
    expect(maskPhone('0359-1234567')).toBe('035****4567');
    expect(maskPhone('12345')).toBe('****45');
    expect(maskEmail('bad')).toBe('***');
  });
});

describe('dispatch settings', () => {
  it('the first save of a zone on the default checks the version (0 or none), later saves the one read', async () => {
    const leader = await ctx.login('leader');
    const zoneId = demoId('zone:fendong');
    const current = (await leader.call(dispatchSettingsOperations.get, { query: { zoneId } })).body;
    if (current.version === 0) {
      const wrong = await leader.call(dispatchSettingsOperations.put, { body: { zoneId, escalationWorkdays: 5, version: 7 } });
      expect(wrong.status).toBe(409);
      expect((await leader.call(dispatchSettingsOperations.get, { query: { zoneId } })).body.version).toBe(0);
      const first = await leader.call(dispatchSettingsOperations.put, { body: { zoneId, escalationWorkdays: 5, version: 0 } });
      expect(first.status).toBe(200);
      expect(first.body.version).toBe(1);
    }
    const now = (await leader.call(dispatchSettingsOperations.get, { query: { zoneId } })).body;
    expect((await leader.call(dispatchSettingsOperations.put, { body: { zoneId, escalationWorkdays: 4, version: 0 } })).status).toBe(409);
    expect((await leader.call(dispatchSettingsOperations.put, { body: { zoneId, escalationWorkdays: 4, version: now.version + 1 } })).status).toBe(409);
    expect((await leader.call(dispatchSettingsOperations.put, { body: { zoneId, escalationWorkdays: 4, version: now.version } })).status).toBe(200);
  });

  it('a zone without its own settings refuses a made-up version (the seed has none for 河津)', async () => {
    const hejin = await ctx.login('hejin');
    const zoneId = demoId('zone:hejin');
    const current = (await hejin.call(dispatchSettingsOperations.get, { query: { zoneId } })).body;
    expect(current.version).toBe(0);
    expect((await hejin.call(dispatchSettingsOperations.put, { body: { zoneId, escalationWorkdays: 6, version: 3 } })).status).toBe(409);
    expect((await hejin.call(dispatchSettingsOperations.put, { body: { zoneId, escalationWorkdays: 6 } })).status).toBe(200);
  });
});
