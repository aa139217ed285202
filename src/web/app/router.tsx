import { lazy, Suspense } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import type { FeatureRoute } from './feature';
import { features } from './features';
import { PageFallback } from './page-fallback';
import { RequirePermission } from './require-permission';
import { SessionGate } from './session-gate';

const NotFoundPage = lazy(() => import('./not-found-page'));

// Each page is its own chunk (its feature declares it lazily): the login page does not download the admin tables.
function routeOf({ path, page: Page, anyOf }: FeatureRoute): RouteObject {
  const element = anyOf ? (
    <RequirePermission anyOf={anyOf}>
      <Page />
    </RequirePermission>
  ) : (
    <Page />
  );
  return path === '' ? { index: true, element } : { path, element };
}

const routes = features.flatMap((f): FeatureRoute[] => f.routes ?? []);

export const router = createBrowserRouter([
  ...routes
    .filter((r) => r.public)
    .map((r) => ({
      path: `/${r.path}`,
      element: <Suspense fallback={<PageFallback />}>{routeOf(r).element}</Suspense>,
    })),
  {
    path: '/',
    element: <SessionGate />,
    children: [...routes.filter((r) => !r.public).map(routeOf), { path: '*', element: <NotFoundPage /> }],
  },
]);
