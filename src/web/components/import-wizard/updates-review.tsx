import { Button, Card, Checkbox, Grid, List, Radio, Space, Table, Typography } from 'antd';
import type { ImportSummary } from '../../../contract/imports.ts';
import type { WizardKey } from './strings';

type Update = ImportSummary['updates']['items'][number];
type Side = 'sheet' | 'existing';

export interface UpdatesReviewProps {
  /** This page's updates. */
  items: Update[];
  /** Every listed update (the pager's total). */
  total: number;
  page: number;
  onPage(page: number): void;
  loading: boolean;
  ticked(key: number): boolean;
  /** The keys of this page now ticked (the others keep theirs). */
  onTickPage(keys: number[]): void;
  onAll(): void;
  onNone(): void;
  tickedCount: number;
  /** Conflicts with figures already reported: shown, and chosen per row. */
  withConflicts: boolean;
  conflictValue(key: number): Side | undefined;
  onConflict(key: number, side: Side): void;
  w(key: WizardKey, vars?: Record<string, string | number>): string;
}

/** "字段：旧 → 新", one line per changed field. */
function Changes({ changes, strikeBefore }: { changes: Update['changes']; strikeBefore: boolean }) {
  return (
    <Space direction="vertical" size={0}>
      {changes.map((c) => (
        <span key={c.field} style={{ overflowWrap: 'anywhere' }}>
          {c.label}：
          <Typography.Text delete={strikeBefore} type="secondary">
            {c.before ?? '—'}
          </Typography.Text>{' '}
          → <Typography.Text strong>{c.after ?? '—'}</Typography.Text>
        </span>
      ))}
    </Space>
  );
}

/**
 * The preview's updates, before → after per record, each accepted or not, and a conflict with a
 * period already reported settled per row. A table on a wide screen; on a phone one card per
 * record, so nothing scrolls sideways (the table's four columns need ~900 px).
 */
export function UpdatesReview(p: UpdatesReviewProps) {
  const screens = Grid.useBreakpoint();
  const { w } = p;
  const rowLabel = (u: Update) => (u.sheet ? `${u.sheet}!${u.row}` : String(u.row));
  const conflictChoice = (u: Update) =>
    u.conflict ? (
      <Space direction="vertical" size={4} data-testid={`import-conflict-${u.key}`}>
        <Changes changes={u.conflict} strikeBefore={false} />
        <Radio.Group
          size="small"
          optionType="button"
          value={p.conflictValue(u.key)}
          onChange={(e) => p.onConflict(u.key, e.target.value as Side)}
          options={[
            { value: 'existing', label: w('conflictExisting') },
            { value: 'sheet', label: w('conflictSheet') },
          ]}
        />
      </Space>
    ) : null;
  const allOrNone = (
    <Space wrap>
      <Button size="small" data-testid="import-updates-all" onClick={p.onAll}>
        {w('updatesAll')}
      </Button>
      <Button size="small" data-testid="import-updates-none" onClick={p.onNone}>
        {w('updatesNone')}
      </Button>
    </Space>
  );
  const pagination = { pageSize: 10, hideOnSinglePage: true, current: p.page, total: p.total, showSizeChanger: false, onChange: p.onPage, size: 'small' as const };

  if (!screens.md)
    return (
      <div style={{ margin: '8px 0 12px' }} data-testid="import-updates-cards">
        {allOrNone}
        <List<Update>
          loading={p.loading}
          dataSource={p.items}
          rowKey="key"
          pagination={p.total > 10 ? pagination : false}
          split={false}
          renderItem={(u) => (
            <List.Item style={{ padding: '6px 0' }}>
              <Card
                size="small"
                style={{ width: '100%' }}
                title={
                  <Checkbox
                    checked={p.ticked(u.key)}
                    onChange={(e) => p.onTickPage(p.items.filter((o) => (o.key === u.key ? e.target.checked : p.ticked(o.key))).map((o) => o.key))}
                  >
                    <span style={{ whiteSpace: 'normal' }}>
                      {w('row')} {rowLabel(u)} · {u.label}
                    </span>
                  </Checkbox>
                }
              >
                <Changes changes={u.changes} strikeBefore />
                {p.withConflicts && u.conflict && <div style={{ marginTop: 8 }}>{conflictChoice(u)}</div>}
              </Card>
            </List.Item>
          )}
        />
        <Typography.Text type="secondary">{w('updatesSelected', { n: p.tickedCount })}</Typography.Text>
      </div>
    );

  return (
    <Table<Update>
      size="small"
      rowKey="key"
      pagination={pagination}
      loading={p.loading}
      dataSource={p.items}
      style={{ margin: '8px 0 12px' }}
      scroll={{ x: true }}
      rowSelection={{
        selectedRowKeys: p.items.map((u) => u.key).filter(p.ticked),
        onChange: (keys) => p.onTickPage(keys.map(Number)),
      }}
      title={() => allOrNone}
      footer={() => w('updatesSelected', { n: p.tickedCount })}
      columns={[
        { title: w('row'), dataIndex: 'row', width: 80, render: (_: number, u) => rowLabel(u) },
        { title: w('updateRecord'), dataIndex: 'label', width: 240 },
        { title: w('updateChanges'), render: (_, u) => <Changes changes={u.changes} strikeBefore /> },
        ...(p.withConflicts ? [{ title: w('conflictColumn'), width: 320, render: (_: unknown, u: Update) => conflictChoice(u) }] : []),
      ]}
    />
  );
}
