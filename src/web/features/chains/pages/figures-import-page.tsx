import { Space, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { ImportWizard } from '../../../components/import-wizard';
import { useI18n } from '../../../i18n/use-i18n';
import { useCurrentZone } from '../../../lib/current-zone-context';

/** 企业年度经营数据 from a statistics sheet, through the one import wizard (kind `enterprise-figures`). */
export default function FiguresImportPage() {
  const { t } = useI18n();
  const { zoneId, zones } = useCurrentZone();
  const qc = useQueryClient();
  const zone = zoneId ?? (zones.length === 1 ? zones[0].id : null);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('chains.figuresImport')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('chains.figuresImportHint')}</Typography.Text>
      <ImportWizard
        kind="enterprise-figures"
        zoneId={zone}
        disabled={!zone}
        onCommitted={() => void qc.invalidateQueries({ queryKey: ['enterprise-profile'] })}
        describeResult={(s) => t('chains.figuresImported', { created: s.committed?.figuresCreated ?? 0, updated: s.committed?.figuresUpdated ?? 0 })}
      />
    </Space>
  );
}
