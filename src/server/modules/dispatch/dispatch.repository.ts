/** Dispatch's SQL, one repository per aggregate; this composes them for the services. */
import { createBlockersRepository } from './blockers.repository.ts';
import { createCampaignsRepository } from './campaigns.repository.ts';
import { createDecisionsRepository } from './decisions.repository.ts';
import { createMeetingsRepository } from './meetings.repository.ts';
import { createRefsRepository } from './refs.repository.ts';
import { createSettingsRepository } from './settings.repository.ts';

export function createDispatchRepository() {
  return {
    blockers: createBlockersRepository(),
    meetings: createMeetingsRepository(),
    decisions: createDecisionsRepository(),
    campaigns: createCampaignsRepository(),
    settings: createSettingsRepository(),
    refs: createRefsRepository(),
  };
}

export type DispatchRepository = ReturnType<typeof createDispatchRepository>;
export type { BlockerRow, BlockerWithNames } from './blockers.repository.ts';
export type { CampaignEntryRow, CampaignRow } from './campaigns.repository.ts';
export type { DecisionRow, DecisionWithNames } from './decisions.repository.ts';
export type { AgendaItemRow, MeetingRow } from './meetings.repository.ts';
export type { CallerScope } from './refs.repository.ts';
