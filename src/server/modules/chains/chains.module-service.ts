/** The chains module's public service: the chains themselves and the enterprise profile. */
import type { Db } from '../../db/client.ts';
import type { AuditWriter } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { EnterprisesService } from '../enterprises/index.ts';
import type { LeadsService } from '../leads/index.ts';
import { createChainsRepository } from './chains.repository.ts';
import { createChainsService } from './chains.service.ts';
import { createProfileRepository } from './profile.repository.ts';
import { createProfileService } from './profile.service.ts';

export function createChainsModuleService(deps: { db: Db; audit: AuditWriter; clock: Clock; leads: LeadsService; enterprises: EnterprisesService }) {
  const chainsRepo = createChainsRepository();
  const profileRepo = createProfileRepository();
  return {
    chains: createChainsService({ db: deps.db, chains: chainsRepo, audit: deps.audit, clock: deps.clock, leads: deps.leads, enterprises: deps.enterprises }),
    profile: createProfileService({
      db: deps.db,
      profile: profileRepo,
      chains: chainsRepo,
      enterprises: deps.enterprises,
      audit: deps.audit,
      clock: deps.clock,
    }),
    /** For the yearly-figures importer. */
    profileRepository: profileRepo,
  };
}

export type ChainsModuleService = ReturnType<typeof createChainsModuleService>;
