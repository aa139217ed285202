/**
 * Every domain module, in the order their services are built (a module may use the services of
 * those above it). Adding a module: its folder, and one line here.
 */
import type { ModuleDefinition } from '../platform/module.ts';
import { approvalServicesModule } from './approval-services/approval-services.module.ts';
import { auditModule } from './audit/audit.module.ts';
import { authModule } from './auth/auth.module.ts';
import { calendarModule } from './calendar/calendar.module.ts';
import { chainsModule } from './chains/chains.module.ts';
import { dispatchModule } from './dispatch/dispatch.module.ts';
import { enterprisesModule } from './enterprises/enterprises.module.ts';
import { factorsModule } from './factors/factors.module.ts';
import { financeModule } from './finance/finance.module.ts';
import { fundingModule } from './funding/funding.module.ts';
import { healthModule } from './health/health.module.ts';
import { hiringModule } from './hiring/hiring.module.ts';
import { intakeModule } from './intake/intake.module.ts';
import { kpisModule } from './kpis/kpis.module.ts';
import { landEfficiencyModule } from './land-efficiency/land-efficiency.module.ts';
import { leadsModule } from './leads/leads.module.ts';
import { ledgerModule } from './ledger/ledger.module.ts';
import { orgModule } from './org/org.module.ts';
import { projectsModule } from './projects/projects.module.ts';
import { statisticsModule } from './statistics/statistics.module.ts';
import { usersModule } from './users/users.module.ts';
import { workbenchModule } from './workbench/workbench.module.ts';

export const modules: readonly ModuleDefinition<any>[] = [
  healthModule,
  authModule,
  orgModule,
  usersModule,
  auditModule,
  calendarModule,
  enterprisesModule,
  projectsModule,
  leadsModule,
  ledgerModule,
  dispatchModule,
  chainsModule,
  statisticsModule,
  fundingModule,
  hiringModule,
  approvalServicesModule,
  factorsModule,
  financeModule,
  landEfficiencyModule,
  kpisModule,
  workbenchModule,
  intakeModule,
];
