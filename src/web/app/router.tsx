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
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
