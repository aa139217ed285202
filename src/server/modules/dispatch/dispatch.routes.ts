import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../../contract/common.ts';
import {
  addAgendaItemBody,
  agendaOrderBody,
  blockerDetailSchema,
  blockerList,
  campaignDetailSchema,
  campaignEntrySchema,
  campaignSchema,
  closeMeetingBody,
  confirmEntryBody,
  createBlockerBody,
  createCampaignBody,
  createDecisionBody,
  createEntryBody,
  createMeetingBody,
  decisionSchema,
  dispatchSettingsQuery,
  dispatchSettingsSchema,
  escalateBlockerBody,
  exportBlockersQuery,
  listBlockersQuery,
  listCampaignsQuery,
  listDecisionsQuery,
  listMeetingsQuery,
  listNotificationsQuery,
  meetingDetailSchema,
  meetingSchema,
  notificationList,
  putDispatchSettingsBody,
  regenerateAgendaBody,
  reopenBlockerBody,
  resolveBlockerBody,
  unreadCountSchema,
  updateBlockerBody,
  updateCampaignBody,
  updateDecisionBody,
  updateMeetingBody,
  zoneRatesQuery,
  zoneRatesSchema,
} from '../../../contract/dispatch.ts';
import { sessionOf } from '../../platform/auth/guard.ts';
import type { DispatchService } from './dispatch.service.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A generated file, named for the browser in both the ASCII fallback and RFC 5987 UTF-8 forms. */
function sendFile(reply: FastifyReply, type: string, file: { buffer: Buffer; fileName: string }) {
  const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  reply.header('content-type', type);
  reply.header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
  reply.header('cache-control', 'no-store');
  return reply.send(file.buffer);
}

export const dispatchRoutes: FastifyPluginAsyncZod<{ dispatch: DispatchService }> = async (app, { dispatch }) => {
  const tags = ['dispatch'];
  const rid = (req: { id: unknown }) => String(req.id);

  // ---------- blockers 堵点 ----------
  app.get(
    '/api/blockers',
    {
      config: { permission: 'blocker.read' },
      schema: { tags, summary: '堵点看板 / Blocker board', querystring: listBlockersQuery, response: { 200: blockerList } },
    },
    async (req) => dispatch.listBlockers(sessionOf(req), req.query),
  );
  app.post(
    '/api/blockers',
    {
      config: { permission: 'blocker.create' },
      schema: { tags, summary: '提出堵点 / Raise a blocker', body: createBlockerBody, response: { 201: blockerDetailSchema } },
    },
    async (req, reply) => {
      reply.status(201);
      return dispatch.createBlocker(sessionOf(req), req.body, rid(req));
    },
  );
  app.get(
    '/api/blockers/:id',
    {
      config: { permission: 'blocker.read' },
      schema: { tags, summary: '堵点详情与时间线 / Blocker with timeline', params: idParams, response: { 200: blockerDetailSchema } },
    },
    async (req) => dispatch.getBlocker(sessionOf(req), req.params.id),
  );
  app.patch(
    '/api/blockers/:id',
    {
      config: { permission: 'blocker.update' },
      schema: {
        tags,
        summary: '修改、转办堵点 / Update or reassign a blocker',
        params: idParams,
        body: updateBlockerBody,
        response: { 200: blockerDetailSchema },
      },
    },
    async (req) => dispatch.updateBlocker(sessionOf(req), req.params.id, req.body, rid(req)),
  );
  app.post(
    '/api/blockers/:id/escalate',
    {
      config: { permission: 'blocker.update' },
      schema: { tags, summary: '提级协调 / Escalate one level', params: idParams, body: escalateBlockerBody, response: { 200: blockerDetailSchema } },
    },
    async (req) => dispatch.escalateBlocker(sessionOf(req), req.params.id, req.body, rid(req)),
  );
  app.post(
    '/api/blockers/:id/resolve',
    {
      config: { permission: 'blocker.update' },
      schema: { tags, summary: '销号 / Resolve', params: idParams, body: resolveBlockerBody, response: { 200: blockerDetailSchema } },
    },
    async (req) => dispatch.resolveBlocker(sessionOf(req), req.params.id, req.body, rid(req)),
  );
  app.post(
    '/api/blockers/:id/reopen',
    {
      config: { permission: 'blocker.update' },
      schema: { tags, summary: '重新打开 / Reopen with a reason', params: idParams, body: reopenBlockerBody, response: { 200: blockerDetailSchema } },
    },
    async (req) => dispatch.reopenBlocker(sessionOf(req), req.params.id, req.body, rid(req)),
  );
  app.get(
    '/api/blockers/:id/reminder.docx',
    { config: { permission: 'blocker.read' }, schema: { tags, summary: '提醒函 (.docx) / Reminder letter', params: idParams } },
    async (req, reply) => sendFile(reply, DOCX, await dispatch.reminderDocx(sessionOf(req), req.params.id)),
  );
  app.get(
    '/api/exports/blockers.xlsx',
    { config: { permission: 'blocker.read' }, schema: { tags, summary: '堵点清单 (.xlsx) / Blocker list', querystring: exportBlockersQuery } },
    async (req, reply) => sendFile(reply, XLSX, await dispatch.blockersXlsx(sessionOf(req), req.query)),
  );
  app.get(
    '/api/dispatch/settings',
    {
      config: { permission: 'blocker.read' },
      schema: { tags, summary: '调度设置 / Dispatch settings of a zone', querystring: dispatchSettingsQuery, response: { 200: dispatchSettingsSchema } },
    },
    async (req) => dispatch.getSettings(sessionOf(req), req.query.zoneId),
  );
  app.put(
    '/api/dispatch/settings',
    {
      config: { permission: 'dispatch.settings' },
      schema: { tags, summary: '修改调度设置 / Set the escalation period', body: putDispatchSettingsBody, response: { 200: dispatchSettingsSchema } },
    },
    async (req) => dispatch.putSettings(sessionOf(req), req.body, rid(req)),
  );

  // ---------- notifications 消息中心 ----------
  app.get(
    '/api/notifications',
    { schema: { tags, summary: '我的消息 / My notifications', querystring: listNotificationsQuery, response: { 200: notificationList } } },
    async (req) => dispatch.listNotifications(sessionOf(req), req.query),
  );
  app.get('/api/notifications/unread-count', { schema: { tags, summary: '未读消息数 / Unread count', response: { 200: unreadCountSchema } } }, async (req) =>
    dispatch.unreadCount(sessionOf(req)),
  );
  app.post(
    '/api/notifications/:id/read',
    { schema: { tags, summary: '标为已读 / Mark read', params: idParams, response: { 200: unreadCountSchema } } },
    async (req) => dispatch.markRead(sessionOf(req), req.params.id),
  );
  app.post('/api/notifications/read-all', { schema: { tags, summary: '全部已读 / Mark all read', response: { 200: unreadCountSchema } } }, async (req) =>
    dispatch.markAllRead(sessionOf(req)),
  );

  // ---------- meetings 周调度会 ----------
  app.get(
    '/api/meetings',
    {
      config: { permission: 'meeting.read' },
      schema: { tags, summary: '调度会列表 / Meetings', querystring: listMeetingsQuery, response: { 200: z.array(meetingSchema) } },
    },
    async (req) => dispatch.listMeetings(sessionOf(req), req.query.zoneId),
  );
  app.post(
    '/api/meetings',
    {
      config: { permission: 'meeting.manage' },
      schema: {
        tags,
        summary: '新建调度会（自动生成议程）/ Create a meeting with its agenda',
        body: createMeetingBody,
        response: { 201: meetingDetailSchema },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return dispatch.createMeeting(sessionOf(req), req.body, rid(req));
    },
  );
  app.get(
    '/api/meetings/:id',
    { config: { permission: 'meeting.read' }, schema: { tags, summary: '调度会详情 / Meeting', params: idParams, response: { 200: meetingDetailSchema } } },
    async (req) => dispatch.getMeeting(sessionOf(req), req.params.id),
  );
  app.patch(
    '/api/meetings/:id',
    {
      config: { permission: 'meeting.manage' },
      schema: {
        tags,
        summary: '修改调度会、纪要 / Update meeting, minutes',
        params: idParams,
        body: updateMeetingBody,
        response: { 200: meetingDetailSchema },
      },
    },
    async (req) => dispatch.updateMeeting(sessionOf(req), req.params.id, req.body, rid(req)),
  );
  app.put(
    '/api/meetings/:id/agenda',
    {
      config: { permission: 'meeting.manage' },
      schema: { tags, summary: '议程排序与批注 / Reorder and annotate', params: idParams, body: agendaOrderBody, response: { 200: meetingDetailSchema } },
    },
    async (req) => dispatch.setAgendaOrder(sessionOf(req), req.params.id, req.body, rid(req)),
  );
  app.post(
    '/api/meetings/:id/agenda',
    {
      config: { permission: 'meeting.manage' },
      schema: { tags, summary: '增加议题 / Add an item', params: idParams, body: addAgendaItemBody, response: { 200: meetingDetailSchema } },
    },
    async (req) => dispatch.addAgendaItem(sessionOf(req), req.params.id, req.body, rid(req)),
  );
  app.post(
    '/api/meetings/:id/agenda/regenerate',
    {
      config: { permission: 'meeting.manage' },
      schema: {
        tags,
        summary: '按最新数据补充议程 / Refresh the generated agenda',
        params: idParams,
        body: regenerateAgendaBody,
        response: { 200: meetingDetailSchema },
      },
    },
    async (req) => dispatch.regenerateAgenda(sessionOf(req), req.params.id, req.body, rid(req)),
  );
  app.post(
    '/api/meetings/:id/close',
    {
      config: { permission: 'meeting.manage' },
      schema: { tags, summary: '结束会议（冻结记录）/ Close and freeze', params: idParams, body: closeMeetingBody, response: { 200: meetingDetailSchema } },
    },
    async (req) => dispatch.closeMeeting(sessionOf(req), req.params.id, req.body, rid(req)),
  );
  app.post(
    '/api/meetings/:id/decisions',
    {
      config: { permission: 'meeting.manage' },
      schema: { tags, summary: '记录议定事项 / Record a decision', params: idParams, body: createDecisionBody, response: { 201: decisionSchema } },
    },
    async (req, reply) => {
      reply.status(201);
      return dispatch.addDecision(sessionOf(req), req.params.id, req.body, rid(req));
    },
  );
  app.get(
    '/api/meetings/:id/brief.docx',
    { config: { permission: 'meeting.read' }, schema: { tags, summary: '周调度简报 (.docx) / Weekly brief', params: idParams } },
    async (req, reply) => sendFile(reply, DOCX, await dispatch.briefDocx(sessionOf(req), req.params.id)),
  );
  app.get(
    '/api/decisions',
    {
      config: { permission: 'meeting.read' },
      schema: { tags, summary: '议定事项 / Decisions', querystring: listDecisionsQuery, response: { 200: z.array(decisionSchema) } },
    },
    async (req) => dispatch.listDecisions(sessionOf(req), req.query),
  );
  app.patch(
    '/api/decisions/:id',
    { schema: { tags, summary: '更新议定事项办理情况 / Update a decision', params: idParams, body: updateDecisionBody, response: { 200: decisionSchema } } },
    async (req) => dispatch.updateDecision(sessionOf(req), req.params.id, req.body, rid(req)),
  );

  // ---------- campaigns 三个一批 ----------
  app.get(
    '/api/campaigns',
    {
      config: { permission: 'campaign.read' },
      schema: { tags, summary: '三个一批活动 / Campaigns', querystring: listCampaignsQuery, response: { 200: z.array(campaignSchema) } },
    },
    async (req) => dispatch.listCampaigns(sessionOf(req), req.query),
  );
  app.post(
    '/api/campaigns',
    {
      config: { permission: 'campaign.manage' },
      schema: { tags, summary: '新建季度活动 / Create a quarter campaign', body: createCampaignBody, response: { 201: campaignDetailSchema } },
    },
    async (req, reply) => {
      reply.status(201);
      return dispatch.createCampaign(sessionOf(req), req.body, rid(req));
    },
  );
  app.get(
    '/api/campaigns/rates',
    {
      config: { permission: 'campaign.read' },
      schema: {
        tags,
        summary: '签约完成率、开工率、投产率、达效率 / Rates per zone and batch',
        querystring: zoneRatesQuery,
        response: { 200: zoneRatesSchema },
      },
    },
    async (req) => dispatch.zoneRates(sessionOf(req), req.query.year),
  );
  app.get(
    '/api/campaigns/:id',
    {
      config: { permission: 'campaign.read' },
      schema: { tags, summary: '活动详情与三张清单 / Campaign with its lists', params: idParams, response: { 200: campaignDetailSchema } },
    },
    async (req) => dispatch.getCampaign(sessionOf(req), req.params.id),
  );
  app.patch(
    '/api/campaigns/:id',
    {
      config: { permission: 'campaign.manage' },
      schema: { tags, summary: '修改活动 / Update campaign', params: idParams, body: updateCampaignBody, response: { 200: campaignDetailSchema } },
    },
    async (req) => dispatch.updateCampaign(sessionOf(req), req.params.id, req.body, rid(req)),
  );
  app.post(
    '/api/campaigns/:id/entries',
    {
      config: { permission: 'campaign.manage' },
      schema: { tags, summary: '列入清单 / Add to a list', params: idParams, body: createEntryBody, response: { 201: campaignEntrySchema } },
    },
    async (req, reply) => {
      reply.status(201);
      return dispatch.addEntry(sessionOf(req), req.params.id, req.body, rid(req));
    },
  );
  app.patch(
    '/api/campaign-entries/:id',
    {
      config: { permission: 'campaign.manage' },
      schema: { tags, summary: '活动当日确认 / Confirm on the event day', params: idParams, body: confirmEntryBody, response: { 200: campaignEntrySchema } },
    },
    async (req) => dispatch.confirmEntry(sessionOf(req), req.params.id, req.body, rid(req)),
  );
  app.get(
    '/api/campaigns/:id/tracking.xlsx',
    { config: { permission: 'campaign.read' }, schema: { tags, summary: '三个一批推进情况表 (.xlsx) / Tracking sheet', params: idParams } },
    async (req, reply) => sendFile(reply, XLSX, await dispatch.trackingXlsx(sessionOf(req), req.params.id)),
  );
};
