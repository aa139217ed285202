import { useState } from 'react';
import { Alert, App, Button, Card, Popconfirm, Progress, Radio, Select, Space, Steps, Table, Tag, Typography } from 'antd';
import type { ImportKind, ImportSummary } from '../../../contract/imports.ts';
import { useI18n } from '../../i18n/use-i18n';
import { isApiError } from '../../lib/api-error';
import { useSession } from '../../lib/session-context';
import { useApiErrorHandler } from '../../lib/use-api-error-handler';
import { EnterprisePicker } from '../enterprise-picker';
import { FilePicker } from '../file-picker';
import { uploadImport, type CommitBody, useCommitImport, useImportUpdates, useDiscardImport, useRemapImport, useResolveNames, useUndoImport, type NameChoiceInput, type UploadProgress } from './api';
import { wizardText, type WizardKey } from './strings';
import { UpdatesReview } from './updates-review';

const skipKinds = ['title', 'unit', 'header', 'section', 'total', 'subtotal', 'blank', 'footer', 'note', 'hidden'] as const;
/** "标题 1、表头 2、合计 1 …": the skipped rows counted by kind, in the user's words. */
function skippedList(summary: ImportSummary, words: string[]): string {
  const counts = new Map<string, number>();
  for (const s of summary.skipped) counts.set(s.kind, (counts.get(s.kind) ?? 0) + 1);
  return skipKinds
    .filter((k) => counts.has(k))
    .map((k) => `${words[skipKinds.indexOf(k)] ?? k} ${counts.get(k)}`)
    .join('、');
}

export interface ImportWizardProps {
  kind: ImportKind;
  zoneId: string | null;
  /** Importer parameters sent with the upload (the dispatch sheet's period). */
  params?: { period?: string };
  /** Upload not possible yet (e.g. no zone chosen). */
  disabled?: boolean;
  /** What the valid rows would write, in the page's words (from `summary.plan`). */
  describePlan?: (summary: ImportSummary) => string | undefined;
  /** What the commit wrote, in the page's words (from `summary.committed`). */
  describeResult: (summary: ImportSummary) => string;
  onCommitted?: (summary: ImportSummary) => void;
}

/**
 * The one import flow of the web, on the staged-import engine (docs/imports.md): upload once with
 * progress, the column mapping (changeable: the staged rows are checked again), the row report,
 * then "import the valid rows" / "import all" or discard, and what was written.
 */
export function ImportWizard({ kind, zoneId, params, disabled, describePlan, describeResult, onCommitted }: ImportWizardProps) {
  const { locale } = useI18n();
  const w = (key: WizardKey, vars?: Record<string, string | number>) => wizardText(locale, key, vars);
  const { me } = useSession();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [failure, setFailure] = useState<string[] | null>(null);
  const [mapping, setMapping] = useState<Map<number, string | null>>(new Map());
  /** Per unknown name (field:text): the user's choice, not yet applied. */
  const [choices, setChoices] = useState<Map<string, NameChoiceInput>>(new Map());
  /** Updates: all or none ticked, and the keys ticked otherwise (over every page). */
  const [updatesBase, setUpdatesBase] = useState<'all' | 'none'>('all');
  const [rejected, setRejected] = useState<Set<number>>(new Set());
  const [updatesPage, setUpdatesPage] = useState(1);
  /** Conflicts with reports already filed: the choice for all, and per row where it differs. */
  const [conflictAll, setConflictAll] = useState<'sheet' | 'existing' | null>(null);
  const [conflictRow, setConflictRow] = useState<Map<number, 'sheet' | 'existing'>>(new Map());
  const [undoChanged, setUndoChanged] = useState<string[] | null>(null);
  const remap = useRemapImport();
  const commit = useCommitImport(onCommitted);
  const discard = useDiscardImport();
  const resolveNames = useResolveNames();
  const undo = useUndoImport();
  const done = summary?.status === 'committed' || summary?.status === 'undone';

  const show = (next: ImportSummary | null) => {
    setSummary(next);
    setMapping(new Map());
    setChoices(new Map());
    setRejected(new Set());
    setUpdatesBase('all');
    setUpdatesPage(1);
    setConflictAll(null);
    setConflictRow(new Map());
    setUndoChanged(null);
  };
  const refused = (error: unknown) => (isApiError(error) && error.fields.length ? setFailure(error.fields.map((f) => f.reason)) : onError(error));

  const start = async (file: File) => {
    show(null);
    setFailure(null);
    setProgress({ uploaded: 0, phase: 'uploading', rowsRead: 0 });
    try {
      show(await uploadImport(file, { kind, zoneId, params, csrf: me.csrfToken, locale, onProgress: setProgress }));
    } catch (error) {
      refused(error);
    } finally {
      setProgress(null);
    }
  };
  const applyMapping = () =>
    summary &&
    remap.mutate(
      { id: summary.id, columns: [...mapping].map(([index, field]) => ({ index, field })) },
      { onSuccess: show, onError: refused },
    );
  const nameKey = (n: { field: string; text: string }) => `${n.field}:${n.text}`;
  const applyNames = () =>
    summary &&
    resolveNames.mutate({ id: summary.id, choices: [...choices.values()].filter((c) => c.action !== 'map' || c.targetId) }, { onSuccess: show, onError: refused });
  // Updates: all or none, with the keys ticked otherwise (`rejected` holds the keys that differ from the base).
  const acceptedUpdates = (): CommitBody['updates'] =>
    updatesBase === 'all' ? (rejected.size === 0 ? undefined : { except: [...rejected] }) : rejected.size === 0 ? 'none' : [...rejected];
  const listedUpdates = summary ? summary.updates.count - summary.updates.unchanged : 0;
  // Beyond the summary's first 500, the list is paged from the server.
  const paged = useImportUpdates(summary?.id ?? null, (updatesPage - 1) * 10, 10, Boolean(summary && !done && listedUpdates > summary.updates.items.length));
  const updateRows = paged.data ? paged.data.items : (summary?.updates.items ?? []).slice((updatesPage - 1) * 10, updatesPage * 10);
  const ticked = (key: number) => (updatesBase === 'all') !== rejected.has(key);
  const tickedCount = updatesBase === 'all' ? listedUpdates - rejected.size : rejected.size;
  // Conflicts: the choice for all with the rows that differ from it, else every row's own choice (undefined: not all chosen).
  const conflictChoice = (): CommitBody['conflicts'] => {
    if (!summary || summary.updates.conflicts === 0) return undefined;
    const rows = [...conflictRow];
    const sheetKeys = rows.filter(([, v]) => v === 'sheet').map(([k]) => k);
    const keptKeys = rows.filter(([, v]) => v === 'existing').map(([k]) => k);
    if (conflictAll === 'sheet') return keptKeys.length ? { except: keptKeys } : 'sheet';
    if (conflictAll === 'existing') return sheetKeys.length ? sheetKeys : 'existing';
    return conflictRow.size >= summary.updates.conflicts ? sheetKeys : undefined;
  };
  const conflictsOpen = Boolean(summary && summary.updates.conflicts > 0 && conflictChoice() === undefined);
  const chooseConflict = (key: number, v: 'sheet' | 'existing') => {
    const next = new Map(conflictRow);
    if (v === conflictAll) next.delete(key);
    else next.set(key, v);
    setConflictRow(next);
  };
  const finish = (mode: 'all' | 'valid') =>
    summary && commit.mutate({ id: summary.id, mode, updates: acceptedUpdates(), conflicts: conflictChoice() }, { onSuccess: show, onError: refused });
  const undoBatch = () =>
    summary &&
    undo.mutate(summary.id, {
      onSuccess: (next) => {
        show(next);
        message.success(w('undone'));
      },
      onError: (error) => {
        if (isApiError(error) && error.code === 'IMPORT_UNDO_CHANGED') setUndoChanged(((error.details.changed as { label: string }[]) ?? []).map((c) => c.label));
        else refused(error);
      },
    });
  const drop = () =>
    summary &&
    discard.mutate(summary.id, {
      onSuccess: () => {
        show(null);
        message.info(w('discarded'));
      },
      onError: (error) => onError(error),
    });

  const fieldOf = (c: ImportSummary['columns'][number]) => (mapping.has(c.index) ? mapping.get(c.index)! : c.field);
  const current = done ? 3 : summary ? 2 : 0;
  const busy = Boolean(progress) || remap.isPending || commit.isPending || discard.isPending || resolveNames.isPending || undo.isPending;

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid={`import-wizard-${kind}`}>
      <Steps
        size="small"
        current={current}
        items={[{ title: w('stepUpload') }, { title: w('stepMapping') }, { title: w('stepPreview') }, { title: w('stepDone') }]}
      />
      {!summary || done ? (
        <FilePicker accept=".xlsx,.xls,.et,.csv" dragger label={w('choose')} hint={w('chooseHint')} disabled={disabled || busy} onPick={start} testId="import-upload" />
      ) : null}
      {progress && (
        <Card size="small">
          <Progress percent={Math.round(progress.uploaded * 100)} status="active" />
          <Typography.Text type="secondary">
            {progress.phase === 'uploading' ? w('uploading', { percent: Math.round(progress.uploaded * 100) }) : w('reading', { rows: progress.rowsRead })}
          </Typography.Text>
        </Card>
      )}
      {commit.isPending && <Progress percent={99} status="active" showInfo={false} format={() => w('committing')} />}
      {failure && <Alert type="error" showIcon message={failure.join('；')} data-testid="import-failure" />}
      {done && summary && summary.status === 'committed' && (
        <Alert
          type="success"
          showIcon
          message={w('done')}
          description={
            <Space direction="vertical">
              <span>{describeResult(summary)}</span>
              {summary.undoUntil && (
                <Space wrap>
                  <Typography.Text type="secondary">{w('undoUntil', { until: summary.undoUntil.slice(0, 16).replace('T', ' ') })}</Typography.Text>
                  <Popconfirm title={w('undoHint')} onConfirm={undoBatch}>
                    <Button size="small" danger loading={undo.isPending} data-testid="import-undo">
                      {w('undo')}
                    </Button>
                  </Popconfirm>
                </Space>
              )}
            </Space>
          }
          data-testid="import-done"
        />
      )}
      {undoChanged && <Alert type="error" showIcon message={w('undoChanged', { list: undoChanged.join('、') })} data-testid="import-undo-changed" />}
      {summary?.status === 'undone' && <Alert type="info" showIcon message={w('undone')} data-testid="import-undone" />}
      {summary && !done && (
        <Card size="small" title={summary.fileName} data-testid="import-preview">
          <Alert
            type={summary.errorCount ? 'warning' : 'success'}
            showIcon
            message={w('summary', { total: summary.totalRows, valid: summary.validRows, errors: summary.errorRows })}
            description={describePlan?.(summary)}
            style={{ marginBottom: 12 }}
          />
          {summary.period && (
            <Alert type="info" showIcon data-testid="import-period" style={{ marginBottom: 12 }} message={w('period', { written: summary.period.written, asOf: summary.period.asOf ?? '—' })} />
          )}
          {summary.tables.length > 1 && (
            <>
              <Typography.Text strong>{w('tables')}</Typography.Text>
              <Table
                size="small"
                rowKey="table"
                pagination={false}
                dataSource={summary.tables}
                style={{ marginBottom: 12 }}
                scroll={{ x: true }}
                columns={[
                  { title: w('tableSheet'), dataIndex: 'sheet' },
                  { title: w('tableBlock'), dataIndex: 'block', render: (b: string | null) => b ?? '—' },
                  { title: w('tableHeader'), dataIndex: 'headerRows', render: (r: number[]) => r.join('–') },
                  { title: w('tableRows'), dataIndex: 'rows' },
                ]}
              />
            </>
          )}
          {summary.skipped.length > 0 && (
            <Typography.Paragraph type="secondary" data-testid="import-skipped">
              {w('skipped', { list: skippedList(summary, w('skippedKinds').split(',')) })}
            </Typography.Paragraph>
          )}
          {summary.sheetsSkipped.length > 0 && (
            <Typography.Paragraph type="secondary">{w('sheetsSkipped', { list: summary.sheetsSkipped.map((x) => x.sheet).join('、') })}</Typography.Paragraph>
          )}
          {summary.names.length > 0 && (
            <>
              <Typography.Text strong>{w('names')}</Typography.Text>
              <Table
                size="small"
                rowKey={(n) => `${n.field}:${n.text}`}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                dataSource={summary.names}
                style={{ marginBottom: 12 }}
                scroll={{ x: true }}
                data-testid="import-names"
                columns={[
                  { title: w('nameField'), dataIndex: 'field', render: (f: string) => summary.fields.find((x) => x.key === f)?.label ?? f },
                  { title: w('nameText'), dataIndex: 'text' },
                  { title: w('nameRows'), dataIndex: 'rows', width: 70 },
                  {
                    title: w('nameResolution'),
                    render: (_, n) => (
                      <>
                        {n.resolution === 'create' ? (
                          <Tag color="blue">{w('resolutionCreate')}</Tag>
                        ) : n.resolution === 'matched' ? (
                          <Tag color="green">{w('resolutionMatched', { name: n.matchName ?? '' })}</Tag>
                        ) : n.resolution === 'map' ? (
                          <Tag color="green">{w('resolutionMap', { name: n.matchName ?? '' })}</Tag>
                        ) : n.resolution === 'blank' ? (
                          <Tag>{w('resolutionBlank')}</Tag>
                        ) : (
                          <Tag>{w('resolutionText')}</Tag>
                        )}
                        {n.chosen && <Typography.Text type="secondary">{w('chosenBefore')}</Typography.Text>}
                        {n.candidates && n.candidates.length > 0 && (n.resolution === 'create' || n.resolution === 'text') && (
                          // The best matches: one click maps the name to one (then "apply" checks again).
                          <div data-testid={`import-name-candidates-${n.field}-${n.text}`}>
                            <Typography.Text type="secondary">{w('candidates')}</Typography.Text>
                            {n.candidates.map((x) => (
                              <Button
                                key={x.id}
                                type="link"
                                size="small"
                                title={w('candidateHint')}
                                style={{ paddingInline: 4, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
                                onClick={() => setChoices(new Map(choices).set(nameKey(n), { field: n.field, text: n.text, action: 'map', targetId: x.id }))}
                              >
                                {x.name}
                              </Button>
                            ))}
                          </div>
                        )}
                      </>
                    ),
                  },
                  {
                    title: w('nameChoice'),
                    width: 320,
                    render: (_, n) => {
                      const actions = summary.nameActions[n.field] ?? ['map', 'blank'];
                      const c = choices.get(nameKey(n));
                      // The best matches first, then the other records of the field.
                      const listed = summary.nameTargets[n.field] ?? [];
                      const targets = [...(n.candidates ?? []).filter((x) => listed.some((t) => t.id === x.id)), ...listed.filter((t) => !n.candidates?.some((x) => x.id === t.id))];
                      const searched = summary.nameSearch?.[n.field] === 'enterprises';
                      const label = { create: summary.nameKinds?.[n.field] === 'person' ? w('choicePersonCreate') : w('choiceCreate'), map: w('choiceMap'), blank: w('choiceBlank') };
                      return (
                        <Space.Compact style={{ width: '100%' }}>
                          <Select
                            size="small"
                            style={{ width: 130 }}
                            // The options name what each does ("新建人员记录（不是登录账号）"): shown whole.
                            popupMatchSelectWidth={false}
                            allowClear
                            placeholder={w('nameChoice')}
                            value={c?.action}
                            data-testid={`import-name-action-${n.field}-${n.text}`}
                            onChange={(action?: 'create' | 'map' | 'blank') => {
                              const next = new Map(choices);
                              if (action) next.set(nameKey(n), { field: n.field, text: n.text, action, targetId: null });
                              else next.delete(nameKey(n));
                              setChoices(next);
                            }}
                            options={actions.map((a) => ({ value: a, label: label[a] }))}
                          />
                          {c?.action === 'map' && searched && (
                            <div style={{ width: 190 }}>
                              <EnterprisePicker
                                value={c.targetId ?? undefined}
                                suggested={n.candidates ?? []}
                                allowClear={false}
                                placeholder={w('choiceTarget')}
                                data-testid={`import-name-target-${n.field}-${n.text}`}
                                onChange={(targetId) => targetId && setChoices(new Map(choices).set(nameKey(n), { ...c, targetId }))}
                              />
                            </div>
                          )}
                          {c?.action === 'map' && !searched && (
                            <Select
                              size="small"
                              showSearch
                              optionFilterProp="label"
                              style={{ width: 190 }}
                              placeholder={w('choiceTarget')}
                              value={c.targetId ?? undefined}
                              data-testid={`import-name-target-${n.field}-${n.text}`}
                              onChange={(targetId: string) => setChoices(new Map(choices).set(nameKey(n), { ...c, targetId }))}
                              options={targets.map((t) => ({ value: t.id, label: t.name }))}
                            />
                          )}
                        </Space.Compact>
                      );
                    },
                  },
                ]}
              />
              <Button
                size="small"
                disabled={choices.size === 0 || busy}
                loading={resolveNames.isPending}
                onClick={applyNames}
                // Its label is a sentence: wrapped on a phone rather than pushing the page sideways.
                style={{ marginBottom: 12, maxWidth: '100%', height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
                data-testid="import-names-apply"
              >
                {w('saveNames')}
              </Button>
            </>
          )}
          {summary.updates.count > 0 && (
            <div data-testid="import-updates">
              <Typography.Text strong>{w('updates', { count: summary.updates.count, unchanged: summary.updates.unchanged })}</Typography.Text>
              {summary.updates.conflicts > 0 && (
                <Alert
                  type="warning"
                  showIcon
                  style={{ margin: '8px 0' }}
                  data-testid="import-conflicts"
                  message={w('conflicts', { n: summary.updates.conflicts })}
                  description={
                    <Radio.Group
                      size="small"
                      value={conflictAll}
                      onChange={(e) => {
                        setConflictAll(e.target.value as 'sheet' | 'existing');
                        setConflictRow(new Map());
                      }}
                      data-testid="import-conflicts-all"
                      options={[
                        { value: 'existing', label: w('conflictAllExisting') },
                        { value: 'sheet', label: w('conflictAllSheet') },
                      ]}
                    />
                  }
                />
              )}
              {summary.updates.items.length > 0 && (
                <UpdatesReview
                  items={updateRows}
                  total={listedUpdates}
                  page={updatesPage}
                  onPage={setUpdatesPage}
                  loading={paged.isFetching}
                  ticked={ticked}
                  onTickPage={(keys) => {
                    // Only this page's rows change; the others keep their ticks.
                    const next = new Set(rejected);
                    for (const u of updateRows) {
                      const on = keys.includes(u.key);
                      if (on === (updatesBase === 'all')) next.delete(u.key);
                      else next.add(u.key);
                    }
                    setRejected(next);
                  }}
                  onAll={() => (setUpdatesBase('all'), setRejected(new Set()))}
                  onNone={() => (setUpdatesBase('none'), setRejected(new Set()))}
                  tickedCount={tickedCount}
                  withConflicts={summary.updates.conflicts > 0}
                  conflictValue={(key) => conflictRow.get(key) ?? conflictAll ?? undefined}
                  onConflict={chooseConflict}
                  w={w}
                />
              )}
            </div>
          )}
          <Typography.Text strong>{w('mapping')}</Typography.Text>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {w('mappingHint')}
          </Typography.Paragraph>
          {summary.tables[0]?.remembered && (
            <Alert type="info" showIcon message={w('remembered')} style={{ marginBottom: 8 }} data-testid="import-remembered" />
          )}
          <Table
            size="small"
            rowKey="index"
            pagination={false}
            dataSource={summary.columns}
            style={{ marginBottom: 8 }}
            columns={[
              {
                title: w('header'),
                dataIndex: 'header',
                width: 200,
                render: (h: string, c) => (summary.tables[0]?.columns.find((x) => x.index === c.index)?.hidden ? `${h} ${w('hiddenColumn')}` : h),
              },
              { title: w('sample'), dataIndex: 'sample', render: (s: string[]) => s.map((v, i) => <Tag key={i}>{v}</Tag>) },
              {
                title: w('field'),
                width: 240,
                render: (_, c) => (
                  <Select
                    style={{ width: '100%' }}
                    size="small"
                    value={fieldOf(c) ?? ''}
                    data-testid={`import-map-${c.index}`}
                    onChange={(v: string) => setMapping(new Map(mapping).set(c.index, v || null))}
                    options={[
                      { value: '', label: w('ignore') },
                      ...summary.fields.map((f) => ({ value: f.key, label: f.required ? `${f.label}（${w('required')}）` : f.label })),
                    ]}
                  />
                ),
              },
            ]}
          />
          <Button disabled={mapping.size === 0 || busy} loading={remap.isPending} onClick={applyMapping} style={{ marginBottom: 12 }}>
            {w('remap')}
          </Button>
          {summary.errors.length > 0 && (
            <Table
              size="small"
              rowKey={(e) => `${e.sheet ?? ''}:${e.row}:${e.column}:${e.reason}`}
              dataSource={summary.errors}
              pagination={{ pageSize: 20 }}
              footer={summary.errorCount > summary.errors.length ? () => w('moreErrors', { n: summary.errors.length }) : undefined}
              columns={[
                { title: w('row'), dataIndex: 'row', width: 80, render: (r: number, e) => (e.sheet ? `${e.sheet}!${r}` : r) },
                { title: w('column'), dataIndex: 'column', width: 200 },
                { title: w('reason'), dataIndex: 'reason' },
              ]}
            />
          )}
          {conflictsOpen && <Alert type="warning" showIcon style={{ marginTop: 12 }} message={w('conflictsUnresolved')} data-testid="import-conflicts-open" />}
          <Space style={{ marginTop: 12 }} wrap>
            <Button type="primary" disabled={summary.validRows === 0 || busy || conflictsOpen} loading={commit.isPending && commit.variables?.mode === 'valid'} onClick={() => finish('valid')}>
              {w('importValid')}
            </Button>
            <Popconfirm title={w('importAllHint')} onConfirm={() => finish('all')} disabled={summary.errorCount > 0 || conflictsOpen}>
              <Button disabled={summary.errorCount > 0 || busy || conflictsOpen} loading={commit.isPending && commit.variables?.mode === 'all'}>
                {w('importAll')}
              </Button>
            </Popconfirm>
            <Button onClick={drop} loading={discard.isPending} disabled={busy}>
              {w('discard')}
            </Button>
          </Space>
        </Card>
      )}
    </Space>
  );
}
