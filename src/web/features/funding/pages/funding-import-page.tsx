import { useState } from 'react';
import { Card, Form, Segmented, Typography } from 'antd';
import { ImportWizard } from '../../../components/import-wizard';
import type { ImportSummary } from '../../../../contract/imports.ts';
import { useI18n } from '../../../i18n/use-i18n';
import { useCurrentZone } from '../../../lib/current-zone-context';
import { useQueryClient } from '@tanstack/react-query';
import { fundingKeys } from '../api/keys';

/** 导入资金项目 / 储备项目: the shared wizard on the funding importers. */
export default function FundingImportPage() {
  const { t } = useI18n();
  const current = useCurrentZone();
  const queryClient = useQueryClient();
  const zoneId = current.zoneId ?? (current.zones.length === 1 ? current.zones[0].id : null);
  const [kind, setKind] = useState<'funding-programmes' | 'funding-reserve'>('funding-programmes');
  const n = (s: ImportSummary, k: string) => Number((s.committed as Record<string, number> | null)?.[k] ?? 0);
  return (
    <div>
      <Typography.Title level={4}>{t('funding.importTitle')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('funding.importIntro')}</Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="inline">
          <Form.Item label={t('funding.importKind')}>
            <Segmented
              value={kind}
              onChange={(v) => setKind(v as typeof kind)}
              options={[
                { value: 'funding-programmes', label: t('funding.importKind.programmes') },
                { value: 'funding-reserve', label: t('funding.importKind.reserve') },
              ]}
            />
          </Form.Item>
        </Form>
      </Card>
      <ImportWizard
        key={`${kind}:${zoneId}`}
        kind={kind}
        zoneId={zoneId}
        disabled={!zoneId}
        onCommitted={() => queryClient.invalidateQueries({ queryKey: fundingKeys.all })}
        describePlan={(s) => t('funding.importPlan', { valid: s.validRows })}
        describeResult={(s) =>
          t('funding.importDone', { pc: n(s, 'programmesCreated'), pu: n(s, 'programmesUpdated'), rc: n(s, 'reserveCreated'), ru: n(s, 'reserveUpdated') })
        }
      />
    </div>
  );
}
