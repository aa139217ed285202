import { useCallback, useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { Alert, App, Button, Input, Space, Switch, Table, Typography } from 'antd';
import { HistoryOutlined, SaveOutlined } from '@ant-design/icons';
import type { StatCell, StatGrid } from '../../../../contract/statistics.ts';
import { acceptsPeriod, indicators, isCumulative, parsePeriod, periodText, type IndicatorDef } from '../../../../contract/statistics-indicators.ts';
import { useI18n } from '../../../i18n/use-i18n';
import { isApiError } from '../../../lib/api-error';
import { formatDateTime } from '../../../lib/format-date-time';
import { useSaveGrid } from '../api/save-grid';
import { HistoryModal } from './history-modal';

const keyOf = (indicator: string, period: string) => `${indicator}|${period}`;

/** Thousands separators for reading ("3,510,000"), the typed text kept exact. */
export const readable = (text: string) => {
  const [int, frac] = text.split('.');
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${frac ? `.${frac}` : ''}`;
};

/**
 * The statistics grid: rows are indicators, columns periods; every cell an input for those who may
 * enter (Enter / ↑ ↓ move down and up, Tab across, Ctrl+S saves). Saved all at once; refused cells
 * are marked with the server's reason, the others stay as typed.
 */
export function StatGridTable({ grid }: { grid: StatGrid }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const save = useSaveGrid();
  const [edits, setEdits] = useState<Map<string, string>>(new Map());
  const [errors, setErrors] = useState<Map<string, string>>(new Map());
  const [focused, setFocused] = useState<{ indicator: IndicatorDef; period: string } | null>(null);
  const [showGrowth, setShowGrowth] = useState(false);
  const [historyOf, setHistoryOf] = useState<{ indicator: IndicatorDef; period: string } | null>(null);

  const cells = useMemo(() => new Map<string, StatCell>(grid.cells.map((c) => [keyOf(c.indicator, c.period), c])), [grid.cells]);
  const growth = useMemo(() => new Map(grid.derivedGrowth.map((g) => [keyOf(g.indicator, g.period), g.pct])), [grid.derivedGrowth]);
  // Another zone or range: what was typed belongs to the grid it was typed in.
  useEffect(() => {
    setEdits(new Map());
    setErrors(new Map());
  }, [grid.zoneId, grid.kind, grid.periods.join()]);

  const changed = [...edits.entries()].filter(([k, v]) => v.trim() !== (cells.get(k)?.value ?? ''));
  const name = (ind: IndicatorDef) => (locale === 'en-US' ? ind.en : ind.zh);
  const unit = (ind: IndicatorDef) => (locale === 'en-US' ? ind.unitEn : ind.unit);

  const submit = useCallback(async () => {
    if (!changed.length) {
      message.info(t('stats.nothingChanged'));
      return;
    }
    const body = changed.map(([k, v]) => {
      const [indicator, period] = k.split('|');
      return { indicator, period, value: v.trim() === '' ? null : v.trim(), version: cells.get(k)?.version ?? null };
    });
    try {
      const res = await save.mutateAsync({ zoneId: grid.zoneId, cells: body });
      setEdits(new Map());
      setErrors(new Map());
      message.success(t('stats.saved', { saved: res.saved, cleared: res.cleared }));
    } catch (error) {
      if (!isApiError(error)) throw error;
      const next = new Map<string, string>();
      for (const f of error.fields) {
        const i = Number(/^cells\.(\d+)\./.exec(f.field)?.[1]);
        if (Number.isInteger(i) && body[i]) next.set(keyOf(body[i].indicator, body[i].period), f.reason);
      }
      setErrors(next);
      if (error.code === 'VERSION_CONFLICT') {
        // The newer values are being read again: what was typed over them is dropped, the cells stay marked.
        setEdits((old) => new Map([...old].filter(([k]) => !next.has(k))));
        message.warning(t('stats.stale'));
      } else message.error(next.size ? t('stats.hasErrors', { n: next.size }) : error.message);
    }
  }, [changed, cells, grid.zoneId, message, save, t]);

  const move = (e: KeyboardEvent<HTMLInputElement>, row: number, col: number) => {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
      e.preventDefault();
      void submit();
      return;
    }
    const step = e.key === 'Enter' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    for (let r = row + step; r >= 0 && r < indicators.length; r += step) {
      const next = document.querySelector<HTMLInputElement>(`[data-cell="${r}:${col}"]`);
      if (next) {
        next.focus();
        next.select();
        return;
      }
    }
  };

  const kind = grid.kind;
  const columns = [
    {
      title: t('stats.indicator'),
      dataIndex: 'zh',
      key: 'indicator',
      fixed: 'left' as const,
      width: 150,
      render: (_: unknown, ind: IndicatorDef) => (
        <span>
          {name(ind)}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {' '}
            {unit(ind)}
          </Typography.Text>
        </span>
      ),
    },
    ...grid.periods.map((period, col) => ({
      title: periodText(period, locale),
      key: period,
      width: 120,
      render: (_: unknown, ind: IndicatorDef, row: number) => {
        const k = keyOf(ind.code, period);
        if (!acceptsPeriod(ind, parsePeriod(period)!.kind)) {
          return (
            <Typography.Text type="secondary" title={t('stats.notReported')}>
              —
            </Typography.Text>
          );
        }
        const cell = cells.get(k);
        const text = edits.get(k) ?? cell?.value ?? '';
        const error = errors.get(k);
        const pct = growth.get(k);
        const growthLine = showGrowth && pct != null && (
          <Typography.Text type={pct < 0 ? 'danger' : 'secondary'} style={{ fontSize: 12 }} title={t('stats.derived')}>
            {pct > 0 ? '+' : ''}
            {pct}%
          </Typography.Text>
        );
        if (!grid.canEdit) {
          return (
            <div onClick={() => setFocused({ indicator: ind, period })} style={{ cursor: 'pointer', textAlign: 'right' }}>
              {cell ? readable(cell.value) : <Typography.Text type="secondary">·</Typography.Text>}
              {growthLine && <div>{growthLine}</div>}
            </div>
          );
        }
        return (
          <div>
            <Input
              size="small"
              inputMode="decimal"
              value={text}
              status={error ? 'error' : undefined}
              aria-label={`${name(ind)} ${periodText(period, locale)}`}
              data-cell={`${row}:${col}`}
              style={{ textAlign: 'right', background: edits.has(k) && text !== (cell?.value ?? '') ? '#fffbe6' : undefined }}
              onFocus={() => setFocused({ indicator: ind, period })}
              onKeyDown={(e) => move(e, row, col)}
              onChange={(e) => {
                const v = e.target.value;
                setEdits((old) => new Map(old).set(k, v));
                if (error)
                  setErrors((old) => {
                    const n = new Map(old);
                    n.delete(k);
                    return n;
                  });
              }}
            />
            {error && (
              <Typography.Text type="danger" style={{ fontSize: 12, display: 'block' }} role="alert">
                {error}
              </Typography.Text>
            )}
            {growthLine}
          </div>
        );
      },
    })),
  ];

  const focusedCell = focused ? cells.get(keyOf(focused.indicator.code, focused.period)) : undefined;
  const focusedPeriod = focused ? periodText(focused.period, locale, isCumulative(focused.indicator)) : '';
  return (
    <div>
      <Space wrap style={{ marginBottom: 8, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Switch checked={showGrowth} onChange={setShowGrowth} size="small" />
          <span>{t('stats.showGrowth')}</span>
        </Space>
        {grid.canEdit && (
          <Space wrap>
            <Typography.Text type="secondary">{t('stats.saveHint', { n: changed.length })}</Typography.Text>
            <Button
              onClick={() => {
                setEdits(new Map());
                setErrors(new Map());
              }}
              disabled={!edits.size}
            >
              {t('stats.discard')}
            </Button>
            <Button type="primary" icon={<SaveOutlined />} loading={save.isPending} onClick={() => void submit()} data-testid="stats-save">
              {t('stats.save')}
            </Button>
          </Space>
        )}
      </Space>
      {!grid.canEdit && <Alert type="info" showIcon message={t('stats.readOnly')} style={{ marginBottom: 8 }} />}
      <Table<IndicatorDef>
        rowKey="code"
        size="small"
        bordered
        pagination={false}
        dataSource={indicators as readonly IndicatorDef[] as IndicatorDef[]}
        columns={columns}
        scroll={{ x: 150 + grid.periods.length * 120 }}
        data-testid={`stats-grid-${kind}`}
      />
      {focused && (
        <Space wrap style={{ marginTop: 8 }} data-testid="stats-cell-info">
          <Typography.Text type="secondary">
            {focusedCell
              ? t('stats.cellInfo', {
                  indicator: name(focused.indicator),
                  period: focusedPeriod,
                  value: `${readable(focusedCell.value)} ${unit(focused.indicator)}`,
                  source: focusedCell.source ?? '—',
                  who: focusedCell.enteredByName,
                  at: formatDateTime(focusedCell.enteredAt, locale),
                  revised: focusedCell.revisions > 1 ? t('stats.revised', { n: focusedCell.revisions - 1 }) : '',
                })
              : t('stats.cellEmpty', { indicator: name(focused.indicator), period: focusedPeriod })}
          </Typography.Text>
          {focusedCell && (
            <Button size="small" icon={<HistoryOutlined />} onClick={() => setHistoryOf(focused)}>
              {t('stats.history')}
            </Button>
          )}
        </Space>
      )}
      <HistoryModal zoneId={grid.zoneId} of={historyOf} onClose={() => setHistoryOf(null)} />
    </div>
  );
}
