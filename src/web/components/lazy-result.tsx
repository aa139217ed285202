import { lazy, Suspense } from 'react';
import type { ResultProps } from 'antd';

const AntResult = lazy(() => import('antd/es/result'));

/**
 * antd's `Result`, fetched when first shown: it carries the 403/404/500 illustrations (~10 kB gzip),
 * which the shell and the 工作台 show only on an error or a refused page, so they stay out of the
 * first load (docs/web.md, "First load"). Same props as `Result`.
 */
export function LazyResult(props: ResultProps) {
  return (
    <Suspense fallback={null}>
      <AntResult {...props} />
    </Suspense>
  );
}
