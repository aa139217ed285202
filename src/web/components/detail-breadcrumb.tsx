import { Breadcrumb } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

export interface Crumb {
  label: ReactNode;
  /** The list (or parent record) it opens. */
  to: string;
}

/**
 * The trail above a detail page: the list it was opened from (项目管理 › 某项目), each step a link
 * back, the record itself last and plain. Long names are cut with an ellipsis on a phone.
 */
export function DetailBreadcrumb({ trail, current }: { trail: Crumb[]; current: ReactNode }) {
  return (
    <Breadcrumb
      className="zd-breadcrumb"
      style={{ marginBottom: 12 }}
      items={[...trail.map((c) => ({ title: <Link to={c.to}>{c.label}</Link> })), { title: <span className="zd-breadcrumb-current">{current}</span> }]}
    />
  );
}
