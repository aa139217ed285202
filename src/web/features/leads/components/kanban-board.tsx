import { useState } from 'react';
import { Link } from 'react-router';
import { App, Card, Tag, Typography } from 'antd';
import type { Lead } from '../../../../contract/leads.ts';
import { formatMoney } from '../../../../contract/money.ts';
import { leadStages, stageGates, type LeadStage } from '../../../../contract/pipeline-enums.ts';
import { useI18n } from '../../../i18n/use-i18n';
import { GateAgreementModal, type GateTarget } from './gate-agreement-modal';
import { pipelineLabels, statusColors } from './labels';

/**
 * Leads by stage. Dragging a card (native HTML5 drag and drop) to another stage asks for the gate's
 * agreement when the stage has one; a drop that jumps over a gated stage is refused here, as the
 * server would refuse it.
 */
export function KanbanBoard({ leads }: { leads: Lead[] }) {
  const { t, locale } = useI18n();
  const labels = pipelineLabels(locale);
  const { message } = App.useApp();
  const [target, setTarget] = useState<GateTarget | null>(null);
  const [over, setOver] = useState<LeadStage | null>(null);

  const drop = (stage: LeadStage, leadId: string) => {
    setOver(null);
    const lead = leads.find((l) => l.id === leadId);
    if (!lead || lead.stage === stage || !lead.actions.includes('changeStage')) return;
    const from = leadStages.indexOf(lead.stage);
    const to = leadStages.indexOf(stage);
    const skipped = leadStages.slice(from + 1, to).filter((s) => stageGates[s]);
    if (skipped.length) {
      message.warning(`${t('leads.dropRefused')}（${skipped.map(labels.stage).join('、')}）`);
      return;
    }
    setTarget({ leadId: lead.id, version: lead.version, stage, from: lead.stage });
  };

  return (
    <>
      <div style={{ display: 'grid', gridTemplateColumns: `repeat(${leadStages.length}, minmax(180px, 1fr))`, gap: 12, overflowX: 'auto' }}>
        {leadStages.map((stage) => {
          const mine = leads.filter((l) => l.stage === stage);
          return (
            <div
              key={stage}
              data-stage={stage}
              onDragOver={(e) => {
                e.preventDefault();
                setOver(stage);
              }}
              onDragLeave={() => setOver(null)}
              onDrop={(e) => drop(stage, e.dataTransfer.getData('text/plain'))}
              style={{ background: over === stage ? '#e6f4ff' : '#fafafa', borderRadius: 8, padding: 8, minHeight: 300 }}
            >
              <Typography.Text strong>
                {labels.stage(stage)} · {mine.length} {stageGates[stage] && <Tag color="gold">{labels.agreementKind(stageGates[stage]!)}</Tag>}
              </Typography.Text>
              {mine.map((l) => (
                <Card
                  key={l.id}
                  size="small"
                  draggable={l.actions.includes('changeStage')}
                  onDragStart={(e) => e.dataTransfer.setData('text/plain', l.id)}
                  data-lead={l.code}
                  style={{ marginTop: 8, cursor: 'grab' }}
                >
                  <Link to={`/leads/${l.id}`}>{l.name}</Link>
                  <div style={{ fontSize: 12, color: '#888' }}>
                    {l.enterpriseName ?? '—'} · {formatMoney(l.plannedInvestmentYuan, locale)}
                  </div>
                  <Tag color={statusColors[l.status]}>{labels.status(l.status)}</Tag>
                  {l.overdue && <Tag color="red">{t('leads.overdue')}</Tag>}
                </Card>
              ))}
            </div>
          );
        })}
      </div>
      <GateAgreementModal target={target} onClose={() => setTarget(null)} />
    </>
  );
}
