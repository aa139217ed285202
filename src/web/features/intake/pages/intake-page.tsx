import { useMemo, useState } from 'react';
import { Alert, Button, Card, Col, Empty, Row, Space, Steps, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { IntakeCommitResponse, IntakeMatchResponse, IntakeReadResponse } from '../../../../contract/intake.ts';
import { useI18n } from '../../../i18n/use-i18n';
import { useCurrentZone } from '../../../lib/current-zone-context';
import { isApiError } from '../../../lib/api-error';
import { useApiErrorHandler } from '../../../lib/use-api-error-handler';
import { useCommitIntake, type CommitIntakeInput } from '../api/commit-intake';
import { useMatchIntake } from '../api/match-intake';
import { useReadIntake } from '../api/read-intake';
import { ArticleZones, type ArticleZone } from '../components/article-zones';
import { FactCard } from '../components/fact-card';
import { FigureCard } from '../components/figure-card';
import { TripCard } from '../components/trip-card';
import { articlesOf, factItemsOf, newItem, zoneMatches, type FactItem, type FigureItem, type LeadItem, type ProjectItem, type TripItem } from '../components/fact-items';
import { HighlightedText, markId, type TextMark } from '../components/highlighted-text';
import { ProposalCard, type ProposalDecision } from '../components/proposal-card';
import { SavedRecords } from '../components/saved-records';
import { SourceInput, type SourceValue } from '../components/source-input';
import { chinaToday } from '../../../lib/format-date-time';

const emptySource = (): SourceValue => ({ mode: 'paste', text: '', file: null, referenceDate: chinaToday() });

/** The facts of one zone: an article's zone as chosen, with what the text named there. */
interface ZoneGroup {
  zoneId: string;
  zoneRead: string | null;
  confirmed: boolean;
  items: FactItem[];
  response: IntakeMatchResponse | null;
}

/**
 * 智能录入: paste or upload → the page's articles, each with the zone it names and the zone it goes to
 * (confirmed or changed) → the facts beside the text, spans highlighted, each editable, dropped, or added
 * by hand → 匹配 proposes new records or updates (a diff) per zone → the user confirms → 保存 commits every
 * article of every zone (projects, leads, trips, figures) in one transaction. Nothing is written before that.
 */
export default function IntakePage() {
  const { t, tryT } = useI18n();
  const handleError = useApiErrorHandler();
  const current = useCurrentZone();
  const readIntake = useReadIntake();
  const matchIntake = useMatchIntake();
  const commitIntake = useCommitIntake();

  const [step, setStep] = useState(0);
  const [source, setSource] = useState<SourceValue>(emptySource);
  const [read, setRead] = useState<IntakeReadResponse | null>(null);
  const [items, setItems] = useState<FactItem[]>([]);
  const [zones, setZones] = useState<ArticleZone[]>([]);
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const [groups, setGroups] = useState<ZoneGroup[]>([]);
  const [decisions, setDecisions] = useState<Record<string, ProposalDecision>>({});
  const [saved, setSaved] = useState<IntakeCommitResponse | null>(null);
  const [busy, setBusy] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);

  const articles = read ? articlesOf(read.result) : [];
  const marks = useMemo<TextMark[]>(() => items.filter((i) => i.span).map((i) => ({ key: i.key, span: i.span! })), [items]);
  const accepted = items.filter((i) => i.accepted && zones[i.article]?.zoneId && (zones[i.article].confirmed || !mismatch(i.article)));

  function mismatch(article: number): boolean {
    const a = articles[article];
    const zone = current.zones.find((z) => z.id === zones[article]?.zoneId);
    return !!a?.zone && !!zone && !zoneMatches(a.zone, zone);
  }

  const selectFact = (key: string) => {
    setActiveKey(key);
    document.getElementById(markId(key))?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  };
  const hoverMark = (key: string | null) => {
    setActiveKey(key);
    if (key) document.getElementById(`intake-fact-${key}`)?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  };
  const selectArticle = (i: number) => {
    const el = document.querySelector(`[data-article-start="${i}"]`);
    el?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  };

  const onRead = () => {
    const input =
      source.mode === 'paste'
        ? { kind: 'text' as const, text: source.text, referenceDate: source.referenceDate }
        : { kind: 'file' as const, file: source.file!, referenceDate: source.referenceDate };
    readIntake.mutate(input, {
      onSuccess: (r) => {
        setRead(r);
        setItems(factItemsOf(r.result, r.text));
        // Each article goes to the zone of the user's that it names; one the user does not cover goes nowhere until chosen.
        const single = current.zones.length === 1 ? current.zones[0].id : undefined;
        setZones(
          articlesOf(r.result).map((a) => {
            const named = current.zones.find((z) => zoneMatches(a.zone, z));
            return { zoneId: named?.id ?? (a.zone ? undefined : (current.zoneId ?? single)), confirmed: false };
          }),
        );
        setGroups([]);
        setStep(1);
      },
      onError: (e) => handleError(e),
    });
  };

  const update = (key: string, patch: Partial<FactItem>) => setItems(items.map((i) => (i.key === key ? ({ ...i, ...patch } as FactItem) : i)));
  const add = (kind: FactItem['kind']) => setItems([...items, newItem(kind, 0)]);

  const onMatch = async () => {
    const byZone = new Map<string, ZoneGroup>();
    for (const item of accepted) {
      const z = zones[item.article];
      const key = z.zoneId!;
      const g = byZone.get(key) ?? { zoneId: key, zoneRead: articles[item.article]?.zone ?? null, confirmed: false, items: [], response: null };
      if (mismatch(item.article)) g.confirmed = true;
      g.items.push(item);
      byZone.set(key, g);
    }
    setBusy(true);
    try {
      const next: ZoneGroup[] = [];
      for (const g of byZone.values()) {
        const projects = g.items.filter((i): i is ProjectItem => i.kind === 'project').map((i) => i.values);
        const leads = g.items.filter((i): i is LeadItem => i.kind === 'lead').map((i) => i.values);
        const response = projects.length || leads.length ? await matchIntake.mutateAsync({ zoneId: g.zoneId, referenceDate: read?.result.reference_date, projects, leads }) : { zoneId: g.zoneId, proposals: [] };
        next.push({ ...g, response });
      }
      setGroups(next);
      setDecisions(
        Object.fromEntries(next.flatMap((g) => g.response!.proposals.map((p) => [p.key, { confirmed: p.action !== 'none', fields: p.changes.map((c) => c.field) }]))),
      );
      setSaveError(null);
      setStep(2);
    } catch (e) {
      handleError(e);
    } finally {
      setBusy(false);
    }
  };

  const chosenOf = (g: ZoneGroup) =>
    g.response?.proposals.filter((p) => p.action !== 'none' && decisions[p.key]?.confirmed && (p.action === 'create' || decisions[p.key].fields.length > 0)) ?? [];
  const figuresOf = (g: ZoneGroup) => g.items.filter((i): i is FigureItem => i.kind === 'figure' && i.values.what.trim() !== '');
  const tripsOf = (g: ZoneGroup) => g.items.filter((i): i is TripItem => i.kind === 'trip');
  const toCommit = groups.reduce((n, g) => n + chosenOf(g).length + figuresOf(g).length + tripsOf(g).length, 0);

  /**
   * The article an error names (index, headline, zone as read), with the field problems, as one zh-CN
   * sentence: the whole page was refused, so the reviewer fixes that article and saves again.
   */
  const articleProblem = (e: unknown): string | null => {
    if (!isApiError(e) || !e.details.article) return null;
    const a = e.details.article as { index: number; headline: string | null; zoneRead: string | null };
    const label = (f: string) => {
      const last = f.split('.').pop() ?? f;
      return tryT(`intake.field.${last}`) ?? last;
    };
    const problem = e.fields.length ? e.fields.map((f) => `${label(f.field)}：${f.reason}`).join('；') : e.message;
    return t('intake.articleError', { n: a.index + 1, headline: a.headline ? `《${a.headline}》` : '', zone: a.zoneRead ?? t('intake.zoneNotRead'), problem });
  };

  // Every zone's articles in one commit: the page is saved whole, or not at all.
  const onSave = async () => {
    if (!read) return;
    setBusy(true);
    try {
      const commitArticles: CommitIntakeInput['articles'] = [];
      for (const g of groups) {
        const chosen = new Map(chosenOf(g).map((p) => [p.key, p]));
        const decide = (key: string) => {
          const p = chosen.get(key)!;
          return p.action === 'create'
            ? { action: 'create' as const }
            : { action: 'update' as const, targetId: p.target!.id, version: p.target!.version, fields: decisions[key].fields };
        };
        const byArticle = new Map<number, FactItem[]>();
        for (const i of g.items) byArticle.set(i.article, [...(byArticle.get(i.article) ?? []), i]);
        for (const [index, list] of byArticle) {
          const projects = list.filter((i): i is ProjectItem => i.kind === 'project' && chosen.has(i.key)).map((i) => ({ ...i.values, decision: decide(i.key) }));
          const leads = list.filter((i): i is LeadItem => i.kind === 'lead' && chosen.has(i.key)).map((i) => ({ ...i.values, decision: decide(i.key) }));
          const figures = list.filter((i): i is FigureItem => i.kind === 'figure' && i.values.what.trim() !== '').map((i) => i.values);
          const trips = list.filter((i): i is TripItem => i.kind === 'trip').map((i) => i.values);
          if (!projects.length && !leads.length && !figures.length && !trips.length) continue;
          commitArticles.push({
            index,
            headline: articles[index]?.headline ?? null,
            zoneId: g.zoneId,
            zoneRead: articles[index]?.zone ?? null,
            zoneConfirmed: mismatch(index),
            projects,
            leads,
            figures,
            trips,
          });
        }
      }
      const saved = await commitIntake.mutateAsync({
        source: { text: read.text, referenceDate: read.result.reference_date, format: read.format, fileName: read.fileName },
        articles: commitArticles,
      });
      setSaved(saved);
      setStep(3);
    } catch (e) {
      const named = articleProblem(e);
      if (named) setSaveError(named);
      else handleError(e, { onReload: onMatch });
    } finally {
      setBusy(false);
    }
  };

  const restart = () => {
    setStep(0);
    setSource(emptySource());
    setRead(null);
    setItems([]);
    setGroups([]);
    setSaved(null);
  };

  const zoneName = (id: string) => current.zones.find((z) => z.id === id)?.shortName ?? id;
  const factCards = (list: FactItem[]) =>
    list.map((item) =>
      item.kind === 'trip' ? (
        <TripCard
          key={item.key}
          item={item}
          active={activeKey === item.key}
          onSelect={() => selectFact(item.key)}
          onHover={(on) => setActiveKey(on ? item.key : null)}
          onToggle={() => update(item.key, { accepted: !item.accepted })}
          onChange={(values) => update(item.key, { values } as Partial<FactItem>)}
        />
      ) : item.kind === 'figure' ? (
        <FigureCard
          key={item.key}
          item={item}
          active={activeKey === item.key}
          onSelect={() => selectFact(item.key)}
          onHover={(on) => setActiveKey(on ? item.key : null)}
          onToggle={() => update(item.key, { accepted: !item.accepted })}
          onChange={(values) => update(item.key, { values } as Partial<FactItem>)}
        />
      ) : (
        <FactCard
          key={item.key}
          item={item}
          active={activeKey === item.key}
          onSelect={() => selectFact(item.key)}
          onHover={(on) => setActiveKey(on ? item.key : null)}
          onToggle={() => update(item.key, { accepted: !item.accepted })}
          onChange={(values) => update(item.key, { values } as Partial<FactItem>)}
        />
      ),
    );

  return (
    <div data-testid="intake-page">
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
          <ArticleZones
            articles={articles}
            zones={current.zones}
            value={zones}
            counts={articles.map((_, i) => items.filter((x) => x.article === i).length)}
            onChange={setZones}
            onSelect={selectArticle}
          />
          <Row gutter={16}>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('intake.sourceText')}>
                <HighlightedText text={read.text} marks={marks} activeKey={activeKey} onHover={hoverMark} onSelect={selectFact} />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Space direction="vertical" style={{ width: '100%', maxHeight: 900, overflow: 'auto' }} size="small">
                <Space wrap data-testid="intake-add">
                  <Button size="small" icon={<PlusOutlined />} onClick={() => add('project')}>
                    {t('intake.addProject')}
                  </Button>
                  <Button size="small" icon={<PlusOutlined />} onClick={() => add('lead')}>
                    {t('intake.addLead')}
                  </Button>
                  <Button size="small" icon={<PlusOutlined />} onClick={() => add('figure')}>
                    {t('intake.addFigure')}
                  </Button>
                  <Button size="small" icon={<PlusOutlined />} onClick={() => add('trip')}>
                    {t('intake.addTrip')}
                  </Button>
                </Space>
                {items.length === 0 && <Empty description={t('intake.noFactsAdd')} />}
                {articles.map((a, ai) => {
                  const list = items.filter((x) => x.article === ai);
                  if (list.length === 0) return null;
                  return (
                    <div key={ai} data-article-start={ai}>
                      {articles.length > 1 && (
                        <Typography.Text strong>
                          {a.headline ?? t('intake.articleN', { n: ai + 1 })} · {a.zone ?? t('intake.zoneNotRead')}
                        </Typography.Text>
                      )}
                      <Space direction="vertical" style={{ width: '100%' }} size="small">
                        {factCards(list.filter((x) => x.kind === 'project' || x.kind === 'lead'))}
                        {factCards(list.filter((x) => x.kind === 'trip'))}
                        {factCards(list.filter((x) => x.kind === 'figure'))}
                      </Space>
                    </div>
                  );
                })}
              </Space>
            </Col>
          </Row>
          <Space wrap>
            <Button onClick={restart}>{t('intake.restart')}</Button>
            <Button type="primary" disabled={accepted.length === 0} loading={busy} onClick={onMatch}>
              {t('intake.match')}
            </Button>
            <Typography.Text type="secondary">{t('intake.matchHelp', { count: accepted.length })}</Typography.Text>
          </Space>
        </Space>
      )}

      {step === 2 && (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          {groups.map((g) => (
            <Card key={g.zoneId} size="small" title={t('intake.zoneGroup', { zone: zoneName(g.zoneId) })} data-testid="intake-zone-group">
              <Space direction="vertical" style={{ width: '100%' }}>
                {g.response?.proposals.map((p) => (
                  <ProposalCard key={p.key} proposal={p} decision={decisions[p.key]} onChange={(d) => setDecisions({ ...decisions, [p.key]: d })} />
                ))}
                {tripsOf(g).map((x) => (
                  <Typography.Text key={x.key}>{t('intake.tripTitle', { destination: x.values.destination })}</Typography.Text>
                ))}
                {figuresOf(g).length > 0 && <Typography.Text>{t('intake.figuresToSave', { count: figuresOf(g).length })}</Typography.Text>}
              </Space>
            </Card>
          ))}
          {toCommit === 0 && <Alert type="info" showIcon message={t('intake.nothingToSave')} />}
          {saveError && <Alert type="error" showIcon message={saveError} data-testid="intake-save-error" closable onClose={() => setSaveError(null)} />}
          <Space wrap>
            <Button onClick={() => setStep(1)}>{t('intake.back')}</Button>
            <Button type="primary" disabled={toCommit === 0} loading={busy} onClick={onSave}>
              {t('intake.save')}
            </Button>
            <Typography.Text type="secondary">{t('intake.saveHelp', { count: toCommit })}</Typography.Text>
          </Space>
        </Space>
      )}

      {step === 3 && saved && <SavedRecords saved={saved} onAgain={restart} />}
    </div>
  );
}
