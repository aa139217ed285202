/**
 * The join judge of test/query-log.ts on statements written out here, so the walk's check cannot
 * pass everything silently: colocated joins pass, cross-shard ones are named.
 */
import { describe, expect, it } from 'vitest';
import { crossShardJoinsOf } from './query-log.ts';

const distributed = ['projects', 'blockers', 'leads', 'progress_reports', 'project_milestones'];
const judge = (q: string) => crossShardJoinsOf(q, distributed);
const scope = 'any(array(select z.id from zones z where z.region_code like $1))';

describe('crossShardJoinsOf: joins of two distributed tables', () => {
  it('passes joins that equate zone_id, in any quoting and order, through aliases and transitively', () => {
    expect(judge(`select b.id from blockers b left join projects p on p.id = b.project_id and p.zone_id = b.zone_id where b.zone_id = ${scope}`)).toEqual([]);
    expect(
      judge(`select "blockers"."id" from "blockers" left join "projects" on ("projects"."id" = "blockers"."project_id" and "blockers"."zone_id" = "projects"."zone_id") where true`),
    ).toEqual([]);
    expect(
      judge(`select 1 from leads l join projects p on p.lead_id = l.id and p.zone_id = l.zone_id join blockers b on b.project_id = p.id and b.zone_id = p.zone_id where true`),
    ).toEqual([]);
    // comma join, equality in WHERE
    expect(judge(`select 1 from projects p, blockers b where b.project_id = p.id and b.zone_id = p.zone_id`)).toEqual([]);
  });

  it('passes a statement pinned to one zone on both sides, and joins to reference tables', () => {
    expect(judge(`select 1 from project_milestones m join projects p on p.id = m.project_id where m.zone_id = $1::uuid and p.zone_id = $2::uuid`)).toEqual([]);
    expect(judge(`select 1 from leads l left join enterprises e on e.id = l.enterprise_id join zones z on z.id = l.zone_id where true`)).toEqual([]);
    expect(judge(`select 1 from blockers where zone_id = any($1::uuid[]) union all select 1 from projects where true`)).toEqual([]);
  });

  it('passes correlated sub-selects and lateral joins that equate zone_id with the outer row', () => {
    expect(judge(`select p.id, (select count(*) from blockers b where b.project_id = p.id and b.zone_id = p.zone_id) from projects p where true`)).toEqual([]);
    expect(
      judge(`select p.id, r.n from projects p left join lateral (select count(*) as n from progress_reports x where x.project_id = p.id and x.zone_id = p.zone_id) r on true where true`),
    ).toEqual([]);
    expect(
      judge(`select p.id from projects p join (select project_id, zone_id, count(*) n from blockers group by 1, 2) c on c.project_id = p.id and c.zone_id = p.zone_id where true`),
    ).toEqual([]);
  });

  it('names joins not on zone_id in a statement over several zones', () => {
    expect(judge(`select "blockers"."id" from "blockers" left join "projects" on "projects"."id" = "blockers"."project_id" where "blockers"."zone_id" = ${scope}`)).toEqual([
      'blockers ⋈ projects',
    ]);
    // pinned on one side only: the other table is not routed
    expect(judge(`select 1 from project_milestones m join projects p on p.id = m.project_id where m.zone_id = $1::uuid`)).toEqual(['project_milestones m ⋈ projects p']);
    expect(judge(`select 1 from projects p, blockers b where b.project_id = p.id`)).toEqual(['projects p ⋈ blockers b']);
    // zone_id compared but not between the two sides
    expect(judge(`select 1 from projects p join blockers b on b.project_id = p.id and b.zone_id = $1 where p.zone_id = any($2::uuid[])`)).toEqual(['projects p ⋈ blockers b']);
    expect(judge(`select p.id, (select count(*) from blockers b where b.project_id = p.id) from projects p where true`)).toEqual(['blockers b ⋈ projects p']);
    expect(judge(`select p.id from projects p join (select project_id, count(*) n from blockers group by 1) c on c.project_id = p.id where true`)).toEqual([
      'projects p ⋈ (sub-select) c',
    ]);
    // a comment that ends in a line break does not hide the join
    expect(judge(`select 1 from projects p -- the parent\n join blockers b on b.project_id = p.id where true`)).toEqual(['projects p ⋈ blockers b']);
  });

  it("reads a CTE in the CTEs after it and in the main select's sub-selects", () => {
    // a lateral on a CTE of projects, in a later CTE
    const withTarget = (zone: string) =>
      judge(`with t as (select p.id, p.zone_id from projects p where true),
        c as (select t.id, r.n from t left join lateral (select count(*) as n from progress_reports r where r.project_id = t.id${zone}) r on true)
        select * from c`);
    expect(withTarget(' and r.zone_id = t.zone_id')).toEqual([]);
    expect(withTarget('')).toEqual(['t ⋈ (sub-select) r', 'progress_reports r ⋈ t']);
    // a CTE that reads only another CTE reads a distributed table
    expect(judge(`with a as (select b.id, b.project_id from blockers b where true), c as (select a.project_id from a) select 1 from c join projects p on p.id = c.project_id`)).toEqual([
      'c ⋈ projects p',
    ]);
    // the main select's correlated sub-select on a CTE
    expect(judge(`with m as (select b.project_id, b.zone_id from blockers b where true) select p.id, (select count(*) from m where m.project_id = p.id) from projects p where true`)).toEqual([
      'm ⋈ projects p',
    ]);
    expect(
      judge(`with m as (select b.project_id, b.zone_id from blockers b where true) select p.id, (select count(*) from m where m.project_id = p.id and m.zone_id = p.zone_id) from projects p where true`),
    ).toEqual([]);
  });
});
