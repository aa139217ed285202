import { Typography } from 'antd';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { ImportKind, ImportSummary } from '../../../contract/imports.ts';
import { useCurrentZone } from '../../lib/current-zone-context';
import { ImportWizard } from './import-wizard';

/** A count the commit wrote (`summary.committed[key]`), 0 when absent. */
export const committedCount = (summary: ImportSummary, key: string) => Number((summary.committed as Record<string, number> | null)?.[key] ?? 0);

export interface ZoneImportPageProps {
  title: string;
  intro: string;
  kind: ImportKind;
  /** What the commit makes stale (the feature's query keys). */
  invalidates: QueryKey;
  describePlan: (summary: ImportSummary) => string | undefined;
  describeResult: (summary: ImportSummary) => string;
  /** Above the wizard (e.g. the choice of what to import). */
  children?: ReactNode;
}

/**
 * An import page of one zone's records: its title and intro, then the shared wizard on the header's
 * zone (or the caller's only one; disabled until one is chosen), started afresh when the zone or the
 * kind changes; a commit refreshes the feature's lists.
 */
export function ZoneImportPage({ title, intro, kind, invalidates, describePlan, describeResult, children }: ZoneImportPageProps) {
  const current = useCurrentZone();
  const queryClient = useQueryClient();
  const zoneId = current.zoneId ?? (current.zones.length === 1 ? current.zones[0].id : null);
  return (
    <div>
      <Typography.Title level={4}>{title}</Typography.Title>
      <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph>
      {children}
      <ImportWizard
        key={`${kind}:${zoneId ?? 'none'}`}
        kind={kind}
        zoneId={zoneId}
        disabled={!zoneId}
        onCommitted={() => queryClient.invalidateQueries({ queryKey: invalidates })}
        describePlan={describePlan}
        describeResult={describeResult}
      />
    </div>
  );
}
