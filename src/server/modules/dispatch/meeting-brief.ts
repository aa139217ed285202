/** The weekly brief's data (周调度简报): live figures of the meeting's week, or those frozen when it closed. */
import { periodLabel, periodOf } from '../../../contract/periods.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { DispatchContext } from './dispatch.context.ts';
import type { BriefData } from './dispatch.documents.ts';
import { overdueDays } from './dispatch.presenters.ts';
import { flagReasonText } from './flag-words.ts';
import type { DecisionWithNames, MeetingRow } from './dispatch.repository.ts';

const briefDecision = (d: DecisionWithNames) => ({
  task: d.task,
  ownerName: d.ownerName,
  departmentName: d.departmentName,
  deadlineOn: d.deadlineOn,
  status: d.status,
  projectName: d.projectName,
});

export function createMeetingBrief({ db, repo, calendar }: DispatchContext) {
  /** The figures as they stand now (and as a meeting freezes them when it closes). */
  async function liveBriefData(tx: DbOrTx, m: MeetingRow): Promise<BriefData> {
    const cal = await calendar(tx);
    const zone = (await repo.refs.zoneName(tx, m.zoneId))!;
    const year = Number(m.heldOn.slice(0, 4));
    const week = periodOf('week', m.heldOn);
    // One after another: a transaction is one connection.
    const previous = await repo.meetings.previousMeeting(tx, m.zoneId, m.heldOn, m.id);
    const headline = await repo.meetings.headline(tx, m.zoneId, year, week.start, week.end);
    const signings = await repo.meetings.signings(tx, m.zoneId, year, m.heldOn);
    const slipped = await repo.meetings.slippedMilestones(tx, m.zoneId, previous?.heldOn ?? null, m.heldOn);
    const flagged = await repo.meetings.flaggedProjects(tx, m.zoneId);
    const red = flagged.filter((f) => f.flag === 'red');
    const agendaBlockers = await repo.blockers.agendaBlockers(tx, m.zoneId, m.heldOn);
    const decisionRows = await repo.decisions.decisionsOfMeeting(tx, m.id);
    const agenda = await repo.meetings.agenda(tx, m.id);
    const slippedByProject = new Map<string, BriefData['slipped'][number]>();
    for (const s of slipped) {
      const p = slippedByProject.get(s.project_id) ?? { projectName: s.project_name, flag: s.flag, milestones: [] };
      p.milestones.push({ name: s.name, plannedOn: s.planned_on, actualOn: s.actual_on });
      slippedByProject.set(s.project_id, p);
    }
    for (const r of red)
      if (!slippedByProject.has(r.id))
        slippedByProject.set(r.id, {
          projectName: r.name,
          flag: 'red',
          milestones: [],
          reasons: r.flagReasons.filter((x) => x.level === 'red').map(flagReasonText),
        });
    // The flag history says what turned red or yellow since the last meeting (or this week), and why.
    const since = previous?.heldOn ?? week.start;
    const flagChanges = flagged
      .filter((f) => f.turnedOn && f.turnedOn >= since && f.turnedOn <= m.heldOn)
      .map((f) => ({
        projectName: f.name,
        flag: f.flag,
        fromFlag: f.fromFlag,
        on: f.turnedOn!,
        reasons: f.turnReasons.filter((x) => x.level === f.flag).map(flagReasonText),
      }));
    return {
      zoneName: zone.name,
      zoneShortName: zone.shortName,
      title: m.title,
      heldOn: m.heldOn,
      weekLabel: periodLabel('week', week.start),
      headline: { ...headline, signings },
      slipped: [...slippedByProject.values()],
      flagChanges,
      flagChangesSince: previous?.heldOn ?? null,
      blockers: agendaBlockers.map((b) => ({
        title: b.title,
        projectName: b.projectName,
        category: b.category,
        departmentName: b.departmentName,
        ownerName: b.ownerName,
        raisedOn: b.raisedOn,
        deadlineOn: b.deadlineOn,
        level: b.level,
        status: b.status,
        overdueWorkdays: overdueDays(cal, b, m.heldOn),
      })),
      decisions: decisionRows.map(briefDecision),
      agenda: agenda.map((a) => ({ kind: a.kind, title: a.title, annotation: a.annotation })),
      minutes: m.minutes,
    };
  }

  return {
    liveBriefData,
    /** The brief's data for a meeting: live figures, or the figures frozen when it closed. */
    async briefData(m: MeetingRow): Promise<BriefData> {
      if (m.status === 'closed' && m.frozen) {
        const frozen = m.frozen as BriefData;
        // Decision progress moves on after the meeting; the brief shows it as it stands.
        return { ...frozen, decisions: (await repo.decisions.decisionsOfMeeting(db, m.id)).map(briefDecision) };
      }
      return liveBriefData(db, m);
    },
  };
}

export type MeetingBrief = ReturnType<typeof createMeetingBrief>;
