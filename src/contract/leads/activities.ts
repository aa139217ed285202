/** Activities (对接记录), the lead timeline, trips (外出招商) and their meetings. */
import { z } from 'zod';
import { actionsSchema, isoDate, isoDateTime, pageOf, paginationQuery, uuidSchema } from '../common.ts';
import { activityKinds } from '../pipeline-enums.ts';
import { leadMethodSchema } from './core.ts';

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const activitySchema = z.object({
  id: z.string(),
  zoneId: z.string(),
  kind: z.enum(activityKinds),
  occurredOn: z.string(),
  leadId: z.string().nullable(),
  leadName: z.string().nullable(),
  enterpriseId: z.string().nullable(),
  enterpriseName: z.string().nullable(),
  tripId: z.string().nullable(),
  people: z.string().nullable(),
  outcome: z.string().nullable(),
  intentReached: z.boolean(),
  nextStep: z.string().nullable(),
  nextStepOn: z.string().nullable(),
  createdAt: isoDateTime,
});

export const createActivityBody = z.object({
  kind: z.enum(activityKinds),
  occurredOn: isoDate,
  people: optionalText(200),
  outcome: optionalText(1000),
  intentReached: z.boolean().optional(),
  nextStep: optionalText(200),
  nextStepOn: isoDate.nullable().optional(),
});

export const timelineEntrySchema = z.object({
  id: z.string(),
  kind: z.enum(['created', 'stage', 'status', 'owner', 'converted', 'imported', 'merged', 'activity', 'agreement', 'file']),
  at: isoDateTime.describe('When it happened (dates of activities and agreements at midnight UTC+8)'),
  actorName: z.string().nullable(),
  fromValue: z.string().nullable(),
  toValue: z.string().nullable(),
  note: z.string().nullable(),
  amountYuan: z.number().nullable(),
  refId: z.string().nullable(),
});
export const timelineSchema = z.array(timelineEntrySchema);

const meetingEnterprise = z.object({
  name: z.string().trim().min(2).max(100),
  creditCode: z.string().trim().max(30).nullable().optional(),
  noCreditCode: z.boolean().optional(),
});
export const meetingInput = z
  .object({
    enterpriseId: uuidSchema.optional(),
    enterprise: meetingEnterprise.optional().describe('Registers the enterprise met (or finds it by code/name)'),
    leadId: uuidSchema.optional(),
    newLead: z.object({ name: z.string().trim().min(1).max(100), method: leadMethodSchema.optional() }).optional(),
    occurredOn: isoDate,
    people: optionalText(200),
    outcome: optionalText(1000),
    intentReached: z.boolean().optional(),
    nextStep: optionalText(200),
    nextStepOn: isoDate.nullable().optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.enterpriseId && !v.enterprise && !v.leadId) ctx.addIssue({ code: 'custom', path: ['enterpriseId'], message: 'meeting_enterprise_required' });
  });

export const createTripBody = z
  .object({
    zoneId: uuidSchema.optional(),
    title: z.string().trim().min(2).max(100),
    destination: z.string().trim().min(2).max(60),
    startOn: isoDate,
    endOn: isoDate,
    leader: z.string().trim().min(1).max(40),
    members: z.array(z.string().trim().min(1).max(40)).max(30).default([]),
    note: optionalText(1000),
    meetings: z.array(meetingInput).max(50).default([]),
  })
  .superRefine((v, ctx) => {
    if (v.endOn < v.startOn) ctx.addIssue({ code: 'custom', path: ['endOn'], message: 'trip_dates' });
  });

/**
 * A trip's results by enterprise (家), as zones report a trip (对接N家 / 框架协议N家 / 投资协议N家 / 意向N家):
 * one enterprise counts once under each kind, however many agreements or meetings it had.
 */
export const tripResultsSchema = z.object({
  enterprisesMet: z.number().int().describe('对接: enterprises met on the trip'),
  frameworkEnterprises: z.number().int().describe('框架协议: enterprises met whose lead signed a framework agreement within the trip dates'),
  investmentEnterprises: z.number().int().describe('投资协议: enterprises met whose lead signed an investment agreement (or 增资) within the trip dates'),
  intentEnterprises: z.number().int().describe('意向: enterprises met whose meeting reached intent'),
  leadsTouched: z.number().int().describe('Leads the meetings were about'),
});
export const tripSchema = z.object({
  id: z.string(),
  zoneId: z.string(),
  title: z.string(),
  destination: z.string(),
  startOn: z.string(),
  endOn: z.string(),
  leader: z.string(),
  members: z.array(z.string()),
  note: z.string().nullable(),
  version: z.number().int(),
  results: tripResultsSchema,
  actions: actionsSchema,
});
export const tripDetailSchema = tripSchema.extend({ meetings: z.array(activitySchema) });
export const listTripsQuery = paginationQuery.extend({ zoneId: uuidSchema.optional() });
export const tripPage = pageOf(tripSchema);
