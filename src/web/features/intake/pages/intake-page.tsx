import { useMemo, useState } from 'react';
import { Alert, Button, Card, Col, Empty, List, Row, Select, Space, Steps, Typography } from 'antd';
import type { IntakeCommitResponse, IntakeMatchResponse, IntakeReadResponse } from '../../../../contract/intake.ts';
import { useI18n } from '../../../i18n/use-i18n';
import { useCurrentZone } from '../../../lib/current-zone-context';
import { useApiErrorHandler } from '../../../lib/use-api-error-handler';
import { useCommitIntake, type CommitIntakeInput } from '../api/commit-intake';
import { useMatchIntake } from '../api/match-intake';
import { useReadIntake } from '../api/read-intake';
import { FactCard } from '../components/fact-card';
import { factItemsOf, type FactItem, type LeadItem, type ProjectItem } from '../components/fact-items';
import { HighlightedText, markId, type TextMark } from '../components/highlighted-text';
import { ProposalCard, type ProposalDecision } from '../components/proposal-card';
import { SavedRecords } from '../components/saved-records';
import { SourceInput, type SourceValue } from '../components/source-input';
import { chinaToday } from '../../../lib/format-date-time';

const emptySource = (): SourceValue => ({ mode: 'paste', text: '', file: null, referenceDate: chinaToday() });

/**
 * 智能录入: paste or upload → the facts beside the text, spans highlighted, each editable, accepted or
 * dropped → 匹配 proposes new drafts or updates (a diff) → the user confirms → 保存 commits them at once.
 */
export default function IntakePage() {
  const { t } = useI18n();
  const handleError = useApiErrorHandler();
  const current = useCurrentZone();
  const readIntake = useReadIntake();
  const matchIntake = useMatchIntake();
  const commitIntake = useCommitIntake();

  const [step, setStep] = useState(0);
  const [source, setSource] = useState<SourceValue>(emptySource);
  const [read, setRead] = useState<IntakeReadResponse | null>(null);
  const [items, setItems] = useState<FactItem[]>([]);
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const [zoneId, setZoneId] = useState<string | undefined>(current.zoneId ?? (current.zones.length === 1 ? current.zones[0].id : undefined));
  const [matched, setMatched] = useState<{ response: IntakeMatchResponse; items: FactItem[] } | null>(null);
  const [decisions, setDecisions] = useState<Record<string, ProposalDecision>>({});
  const [saved, setSaved] = useState<IntakeCommitResponse | null>(null);

  const marks = useMemo<TextMark[]>(
    () => [...items.map((i) => ({ key: i.key, span: i.span })), ...(read?.result.figures ?? []).map((f, i) => ({ key: `f${i}`, span: f.span }))],
    [items, read],
  );
  const accepted = items.filter((i) => i.accepted);

  const selectFact = (key: string) => {
    setActiveKey(key);
    document.getElementById(markId(key))?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  };
  const hoverMark = (key: string | null) => {
    setActiveKey(key);
    if (key) document.getElementById(`intake-fact-${key}`)?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  };

  const onRead = () => {
    const input =
      source.mode === 'paste'
        ? { kind: 'text' as const, text: source.text, referenceDate: source.referenceDate }
        : { kind: 'file' as const, file: source.file!, referenceDate: source.referenceDate };
    readIntake.mutate(input, {
      onSuccess: (r) => {
        setRead(r);
        setItems(factItemsOf(r.result));
        setMatched(null);
        setStep(1);
      },
      onError: (e) => handleError(e),
    });
  };

  const onMatch = () => {
    if (!zoneId) return;
    const snapshot = accepted;
    matchIntake.mutate(
      {
        zoneId,
        projects: snapshot.filter((i): i is ProjectItem => i.kind === 'project').map((i) => i.values),
        leads: snapshot.filter((i): i is LeadItem => i.kind === 'lead').map((i) => i.values),
      },
      {
        onSuccess: (response) => {
          setMatched({ response, items: snapshot });
          setDecisions(Object.fromEntries(response.proposals.map((p) => [p.key, { confirmed: p.action !== 'none', fields: p.changes.map((c) => c.field) }])));
          setStep(2);
        },
        onError: (e) => handleError(e),
      },
    );
  };

  const toCommit =
    matched?.response.proposals.filter(
      (p) => p.action !== 'none' && decisions[p.key]?.confirmed && (p.action === 'create' || decisions[p.key].fields.length > 0),
    ) ?? [];

  const onSave = () => {
    if (!matched || !read || !zoneId) return;
    const chosen = new Map(toCommit.map((p) => [p.key, p]));
    const decide = (key: string) => {
      const p = chosen.get(key)!;
      return p.action === 'create'
        ? { action: 'create' as const }
        : { action: 'update' as const, targetId: p.target!.id, version: p.target!.version, fields: decisions[key].fields };
    };
    const body: CommitIntakeInput = {
      zoneId,
      source: { text: read.text, referenceDate: read.result.reference_date, format: read.format, fileName: read.fileName },
      projects: matched.items.filter((i): i is ProjectItem => i.kind === 'project' && chosen.has(i.key)).map((i) => ({ ...i.values, decision: decide(i.key) })),
      leads: matched.items.filter((i): i is LeadItem => i.kind === 'lead' && chosen.has(i.key)).map((i) => ({ ...i.values, decision: decide(i.key) })),
    };
    commitIntake.mutate(body, {
      onSuccess: (r) => {
        setSaved(r);
        setStep(3);
      },
      onError: (e) => handleError(e, { onReload: onMatch }),
    });
  };

  const restart = () => {
    setStep(0);
    setSource(emptySource());
    setRead(null);
    setItems([]);
    setMatched(null);
    setSaved(null);
  };

  const zonePicker = current.zones.length > 1 && (
    <Space>
      <label htmlFor="intake-zone">{t('intake.zone')}</label>
      <Select
        id="intake-zone"
        style={{ minWidth: 200 }}
        placeholder={t('intake.zoneRequired')}
        value={zoneId}
        onChange={setZoneId}
        options={current.zones.map((z) => ({ value: z.id, label: z.shortName, title: z.name }))}
      />
    </Space>
  );

  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('menu.intake')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('intake.subtitle')}</Typography.Paragraph>
      <Steps
        size="small"
        current={step}
        style={{ marginBottom: 24 }}
        items={[{ title: t('intake.step.source') }, { title: t('intake.step.review') }, { title: t('intake.step.match') }, { title: t('intake.step.saved') }]}
      />

      {step === 0 && <SourceInput value={source} onChange={setSource} onRead={onRead} reading={readIntake.isPending} />}

      {step === 1 && read && (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Row gutter={16}>
            <Col xs={24} lg={12}>
              <Card
                size="small"
                title={t('intake.sourceText')}
                extra={read.result.zone && <Typography.Text type="secondary">{t('intake.zoneRead', { zone: read.result.zone })}</Typography.Text>}
              >
                <HighlightedText text={read.text} marks={marks} activeKey={activeKey} onHover={hoverMark} onSelect={selectFact} />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Space direction="vertical" style={{ width: '100%', maxHeight: 720, overflow: 'auto' }} size="small">
                {items.length === 0 && <Empty description={t('intake.noFacts')} />}
                {items.some((i) => i.kind === 'project') && (
                  <Typography.Text strong>{t('intake.projects', { count: items.filter((i) => i.kind === 'project').length })}</Typography.Text>
                )}
                {items.map((item) => (
                  <FactCard
                    key={item.key}
                    item={item}
                    active={activeKey === item.key}
                    onSelect={() => selectFact(item.key)}
                    onHover={(on) => setActiveKey(on ? item.key : null)}
                    onToggle={() => setItems(items.map((i) => (i.key === item.key ? { ...i, accepted: !i.accepted } : i)))}
                    onChange={(values) => setItems(items.map((i) => (i.key === item.key ? ({ ...i, values } as FactItem) : i)))}
                  />
                ))}
                {read.result.figures.length > 0 && (
                  <Card size="small" title={`${t('intake.figures')} · ${t('intake.readOnly')}`}>
                    <List
                      size="small"
                      dataSource={read.result.figures.map((f, i) => ({ ...f, key: `f${i}` }))}
                      renderItem={(f) => (
                        <List.Item onMouseEnter={() => setActiveKey(f.key)} onMouseLeave={() => setActiveKey(null)}>
                          <Typography.Link onClick={() => selectFact(f.key)}>{f.what}</Typography.Link>
                          <span>
                            {f.value} {f.unit}
                          </span>
                        </List.Item>
                      )}
                    />
                  </Card>
                )}
              </Space>
            </Col>
          </Row>
          <Space wrap>
            <Button onClick={restart}>{t('intake.restart')}</Button>
            {zonePicker}
            <Button type="primary" disabled={accepted.length === 0 || !zoneId} loading={matchIntake.isPending} onClick={onMatch}>
              {t('intake.match')}
            </Button>
            <Typography.Text type="secondary">{t('intake.matchHelp', { count: accepted.length })}</Typography.Text>
          </Space>
        </Space>
      )}

      {step === 2 && matched && (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          {matched.response.proposals.map((p) => (
            <ProposalCard key={p.key} proposal={p} decision={decisions[p.key]} onChange={(d) => setDecisions({ ...decisions, [p.key]: d })} />
          ))}
          {toCommit.length === 0 && <Alert type="info" showIcon message={t('intake.nothingToSave')} />}
          <Space wrap>
            <Button onClick={() => setStep(1)}>{t('intake.back')}</Button>
            <Button type="primary" disabled={toCommit.length === 0} loading={commitIntake.isPending} onClick={onSave}>
              {t('intake.save')}
            </Button>
            <Typography.Text type="secondary">{t('intake.saveHelp', { count: toCommit.length })}</Typography.Text>
          </Space>
        </Space>
      )}

      {step === 3 && saved && <SavedRecords saved={saved} onAgain={restart} />}
    </div>
  );
}
