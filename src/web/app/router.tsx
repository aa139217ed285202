import { lazy, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { PageFallback } from './page-fallback';
import { RequirePermission } from './require-permission';
import { SessionGate } from './session-gate';

// Each page is its own chunk: the login page does not download the admin tables.
const LoginPage = lazy(() => import('../features/auth/pages/login-page'));
const WorkbenchPage = lazy(() => import('../features/workbench/pages/workbench-page'));
const UsersPage = lazy(() => import('../features/admin-users/pages/users-page'));
const ZonesPage = lazy(() => import('../features/org/pages/zones-page'));
const DepartmentsPage = lazy(() => import('../features/org/pages/departments-page'));
const AuditPage = lazy(() => import('../features/audit/pages/audit-page'));
const BlockerBoardPage = lazy(() => import('../features/dispatch/pages/blocker-board-page'));
const BlockerDetailPage = lazy(() => import('../features/dispatch/pages/blocker-detail-page'));
const MeetingsPage = lazy(() => import('../features/dispatch/pages/meetings-page'));
const MeetingPage = lazy(() => import('../features/dispatch/pages/meeting-page'));
const CampaignsPage = lazy(() => import('../features/dispatch/pages/campaigns-page'));
const NotificationsPage = lazy(() => import('../features/dispatch/pages/notifications-page'));
const DecisionsPage = lazy(() => import('../features/dispatch/pages/decisions-page'));
const CampaignRatesPage = lazy(() => import('../features/dispatch/pages/campaign-rates-page'));
const IntakePage = lazy(() => import('../features/intake/pages/intake-page'));
const LeadsPage = lazy(() => import('../features/leads/pages/leads-page'));
const LeadDetailPage = lazy(() => import('../features/leads/pages/lead-detail-page'));
const LedgerImportPage = lazy(() => import('../features/leads/pages/ledger-import-page'));
const TripsPage = lazy(() => import('../features/leads/pages/trips-page'));
const TripPage = lazy(() => import('../features/leads/pages/trip-page'));
const SigningEventsPage = lazy(() => import('../features/leads/pages/signing-events-page'));
const EnterprisesPage = lazy(() => import('../features/enterprises/pages/enterprises-page'));
const EnterprisePage = lazy(() => import('../features/enterprises/pages/enterprise-page'));
const ProjectsListPage = lazy(() => import('../features/projects/pages/projects-list-page'));
const ProjectDetailPage = lazy(() => import('../features/projects/pages/project-detail-page'));
const ProjectFormPage = lazy(() => import('../features/projects/pages/project-form-page'));
const BatchEntryPage = lazy(() => import('../features/projects/pages/batch-entry-page'));
const ProjectSettingsPage = lazy(() => import('../features/projects/pages/project-settings-page'));
const CalendarAdminPage = lazy(() => import('../features/projects/pages/calendar-admin-page'));
const DispatchImportPage = lazy(() => import('../features/projects/pages/dispatch-import-page'));
const LandCompliancePage = lazy(() => import('../features/projects/pages/land-compliance-page'));
const NotFoundPage = lazy(() => import('./not-found-page'));

export const router = createBrowserRouter([
  {
    path: '/login',
    element: (
      <Suspense fallback={<PageFallback />}>
        <LoginPage />
      </Suspense>
    ),
  },
  {
    path: '/',
    element: <SessionGate />,
    children: [
      { index: true, element: <WorkbenchPage /> },
      {
        path: 'admin/users',
        element: (
          <RequirePermission anyOf={['user.manage']}>
            <UsersPage />
          </RequirePermission>
        ),
      },
      {
        path: 'admin/zones',
        element: (
          <RequirePermission anyOf={['zone.update', 'zone.create']}>
            <ZonesPage />
          </RequirePermission>
        ),
      },
      {
        path: 'admin/departments',
        element: (
          <RequirePermission anyOf={['department.manage']}>
            <DepartmentsPage />
          </RequirePermission>
        ),
      },
      {
        path: 'admin/audit',
        element: (
          <RequirePermission anyOf={['audit.read']}>
            <AuditPage />
          </RequirePermission>
        ),
      },
      { path: 'dispatch/blockers', element: <BlockerBoardPage /> },
      { path: 'dispatch/blockers/:id', element: <BlockerDetailPage /> },
      { path: 'dispatch/meetings', element: <MeetingsPage /> },
      { path: 'dispatch/meetings/:id', element: <MeetingPage /> },
      { path: 'dispatch/campaigns', element: <CampaignsPage /> },
      { path: 'dispatch/campaign-rates', element: <CampaignRatesPage /> },
      { path: 'dispatch/decisions', element: <DecisionsPage /> },
      { path: 'dispatch/notifications', element: <NotificationsPage /> },
      {
        path: 'intake',
        element: (
          <RequirePermission anyOf={['intake.use']}>
            <IntakePage />
          </RequirePermission>
        ),
      },
      { path: 'leads', element: <LeadsPage /> },
      {
        path: 'leads/import',
        element: (
          <RequirePermission anyOf={['lead.import']}>
            <LedgerImportPage />
          </RequirePermission>
        ),
      },
      { path: 'leads/:id', element: <LeadDetailPage /> },
      { path: 'trips', element: <TripsPage /> },
      { path: 'trips/:id', element: <TripPage /> },
      { path: 'signing-events', element: <SigningEventsPage /> },
      { path: 'enterprises', element: <EnterprisesPage /> },
      { path: 'enterprises/:id', element: <EnterprisePage /> },
      { path: 'projects', element: <ProjectsListPage /> },
      {
        path: 'projects/new',
        element: (
          <RequirePermission anyOf={['project.create']}>
            <ProjectFormPage />
          </RequirePermission>
        ),
      },
      {
        path: 'projects/import-dispatch',
        element: (
          <RequirePermission anyOf={['project.import']}>
            <DispatchImportPage />
          </RequirePermission>
        ),
      },
      { path: 'projects/:id', element: <ProjectDetailPage /> },
      { path: 'projects/:id/edit', element: <ProjectFormPage /> },
      { path: 'project-batch', element: <BatchEntryPage /> },
      { path: 'project-land-standards', element: <LandCompliancePage /> },
      {
        path: 'admin/project-settings',
        element: (
          <RequirePermission anyOf={['project.configure']}>
            <ProjectSettingsPage />
          </RequirePermission>
        ),
      },
      {
        path: 'admin/calendar',
        element: (
          <RequirePermission anyOf={['calendar.manage']}>
            <CalendarAdminPage />
          </RequirePermission>
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
