import { Alert, Card, Checkbox, Select, Space, Tag, Typography } from 'antd';
import type { IntakeArticle } from '../../../../contract/intake.ts';
import { useI18n } from '../../../i18n/use-i18n';
import type { ZoneRef } from '../../../lib/current-zone-context';
import { zoneMatches } from './fact-items';

export interface ArticleZone {
  zoneId?: string;
  /** The reviewer confirmed writing into a zone the text does not name. */
  confirmed: boolean;
}

/** Each report of the page with the zone it names, and the zone of the user's it is written into (confirmed or changed). */
export function ArticleZones(props: {
  articles: IntakeArticle[];
  zones: ZoneRef[];
  value: ArticleZone[];
  counts: number[];
  onChange: (value: ArticleZone[]) => void;
  onSelect: (index: number) => void;
}) {
  const { t } = useI18n();
  const set = (i: number, patch: Partial<ArticleZone>) => props.onChange(props.value.map((v, j) => (j === i ? { ...v, ...patch } : v)));
  return (
    <Card size="small" title={t('intake.articles', { count: props.articles.length })} data-testid="intake-articles">
      <Space direction="vertical" style={{ width: '100%' }} size={10}>
        {props.articles.map((a, i) => {
          const v = props.value[i] ?? { confirmed: false };
          const zone = props.zones.find((z) => z.id === v.zoneId);
          const mismatch = !!zone && !!a.zone && !zoneMatches(a.zone, zone);
          return (
            <div key={i} data-testid="intake-article" style={{ borderBottom: '1px solid rgba(0,0,0,0.06)', paddingBottom: 8 }}>
              <Space wrap size={6}>
                <Typography.Link onClick={() => props.onSelect(i)}>{a.headline ?? t('intake.articleN', { n: i + 1 })}</Typography.Link>
                <Tag color={a.zone ? 'geekblue' : undefined} data-testid="intake-article-zone">
                  {a.zone ? t('intake.zoneRead', { zone: a.zone }) : t('intake.zoneNotRead')}
                </Tag>
                <Typography.Text type="secondary">{t('intake.articleFacts', { count: props.counts[i] ?? 0 })}</Typography.Text>
              </Space>
              <div style={{ marginTop: 6 }}>
                <Space wrap>
                  <label htmlFor={`intake-article-zone-${i}`}>{t('intake.zone')}</label>
                  <Select
                    id={`intake-article-zone-${i}`}
                    data-testid={`intake-article-zone-select-${i}`}
                    style={{ minWidth: 200 }}
                    allowClear
                    placeholder={t('intake.zoneSkip')}
                    value={v.zoneId}
                    onChange={(zoneId) => set(i, { zoneId, confirmed: false })}
                    options={props.zones.map((z) => ({ value: z.id, label: z.shortName, title: z.name }))}
                  />
                  {!v.zoneId && <Typography.Text type="secondary">{t('intake.zoneNotCovered')}</Typography.Text>}
                </Space>
              </div>
              {mismatch && (
                <Alert
                  style={{ marginTop: 6 }}
                  type="warning"
                  showIcon
                  message={t('intake.zoneMismatch', { read: a.zone ?? '', chosen: zone!.shortName })}
                  description={
                    <Checkbox checked={v.confirmed} onChange={(e) => set(i, { confirmed: e.target.checked })}>
                      {t('intake.zoneConfirm')}
                    </Checkbox>
                  }
                />
              )}
            </div>
          );
        })}
      </Space>
    </Card>
  );
}
