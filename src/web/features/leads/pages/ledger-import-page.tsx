import { useState } from 'react';
import { Segmented, Space, Typography } from 'antd';
import { ImportWizard } from '../../../components/import-wizard';
import { useI18n } from '../../../i18n/use-i18n';
import { useCurrentZone } from '../../../lib/current-zone-context';
import { useLedgerImported } from '../api/ledger-import';

/** Import of leads or enterprises: the shared wizard (upload, mapping, row report, commit or discard). */
export default function LedgerImportPage() {
  const { t } = useI18n();
  const { zoneId } = useCurrentZone();
  const [kind, setKind] = useState<'leads' | 'enterprises'>('leads');
  const imported = useLedgerImported();

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('import.title')}
      </Typography.Title>
      <Segmented
        value={kind}
        onChange={(v) => setKind(v as 'leads' | 'enterprises')}
        options={[
          { value: 'leads', label: t('import.kind.leads') },
          { value: 'enterprises', label: t('import.kind.enterprises') },
        ]}
      />
      <Typography.Text type="secondary">{t('import.template')}</Typography.Text>
      <ImportWizard
        key={kind}
        kind={kind}
        zoneId={zoneId}
        onCommitted={imported}
        describeResult={(s) =>
          t('import.done', { leads: s.committed?.leadsCreated ?? 0, created: s.committed?.enterprisesCreated ?? 0, matched: s.committed?.enterprisesMatched ?? 0 })
        }
      />
    </Space>
  );
}
