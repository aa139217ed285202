import { useState } from 'react';
import { Card, Form, Segmented } from 'antd';
import { committedCount as n, ZoneImportPage } from '../../../components/import-wizard';
import { useI18n } from '../../../i18n/use-i18n';
import { fundingKeys } from '../api/keys';

/** 导入资金项目 / 储备项目: the shared zone import page on the funding importers, one chosen at a time. */
export default function FundingImportPage() {
  const { t } = useI18n();
  const [kind, setKind] = useState<'funding-programmes' | 'funding-reserve'>('funding-programmes');
  return (
    <ZoneImportPage
      title={t('funding.importTitle')}
      intro={t('funding.importIntro')}
      kind={kind}
      invalidates={fundingKeys.all}
      describePlan={(s) => t('funding.importPlan', { valid: s.validRows })}
      describeResult={(s) => t('funding.importDone', { pc: n(s, 'programmesCreated'), pu: n(s, 'programmesUpdated'), rc: n(s, 'reserveCreated'), ru: n(s, 'reserveUpdated') })}
    >
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
    </ZoneImportPage>
  );
}
