/**
 * Every web feature. The router, the side menu and the catalogues are built from this list; adding
 * a feature is its folder (with feature.tsx) and one line here.
 */
import { adminUsersFeature } from '../features/admin-users/feature';
import { approvalServicesFeature } from '../features/approval-services/feature';
import { auditFeature } from '../features/audit/feature';
import { chainsFeature } from '../features/chains/feature';
import { authFeature } from '../features/auth/feature';
import { dispatchFeature } from '../features/dispatch/feature';
import { enterprisesFeature } from '../features/enterprises/feature';
import { factorsFeature } from '../features/factors/feature';
import { financeFeature } from '../features/finance/feature';
import { fundingFeature } from '../features/funding/feature';
import { hiringFeature } from '../features/hiring/feature';
import { intakeFeature } from '../features/intake/feature';
import { landEfficiencyFeature } from '../features/land-efficiency/feature';
import { leadsFeature } from '../features/leads/feature';
import { orgFeature } from '../features/org/feature';
import { projectsFeature } from '../features/projects/feature';
import { statisticsFeature } from '../features/statistics/feature';
import { workbenchFeature } from '../features/workbench/feature';

export const features = [
  authFeature,
  workbenchFeature,
  leadsFeature,
  chainsFeature,
  enterprisesFeature,
  landEfficiencyFeature,
  projectsFeature,
  intakeFeature,
  dispatchFeature,
  fundingFeature,
  hiringFeature,
  approvalServicesFeature,
  factorsFeature,
  financeFeature,
  statisticsFeature,
  adminUsersFeature,
  orgFeature,
  auditFeature,
] as const;
