/**
 * Another look at staged rows (docs/imports.md, Mapping and Names): a new mapping (saved for the
 * zone) or the user's choices for unknown names (remembered for the zone); either way the staged
 * cells are checked again, no new upload, and rewritten in one transaction.
 */
import type { Locale } from '../../../contract/errors.ts';
import type { ImportSummary, importNamesBody, remapImportBody } from '../../../contract/imports.ts';
import { reasonText } from '../../../contract/reasons.ts';
import type { z } from 'zod';
import type { Tx } from '../../db/client.ts';
import { actorOf, type SessionContext } from '../auth/session.ts';
import { fieldError } from '../errors.ts';
import type { ImportScope, Json, NameChoice, NameDirectory } from './importer.ts';
import { check, decodeCell, DEFAULT_BATCH, ROW_KEY, type Progress, type RawRow, type Table } from './check.ts';
import { choiceMap, headerSignature } from './memory.ts';
import type { ImportBatchRow, StagedRow } from './imports.repository.ts';
import type { BatchState, EngineContext } from './engine-context.ts';

export function remapOperations(ctx: EngineContext) {
  const { db, audit, clock, repo, progress, importerOf, stateOf, summaryOf, loadBatch, assertMay, forget } = ctx;

  /**
   * Checks the staged cells again under `tables` (another mapping, other name choices), outside a
   * transaction (an importer's look-ups may use the services' own connection: PGlite has one), then
   * rewrites the rows, the batch and `inTx`'s writes in one.
   */
  async function recheck(
    s: SessionContext,
    b: ImportBatchRow,
    tables: Table[],
    locale: Locale,
    inTx: (tx: Tx, result: Awaited<ReturnType<typeof check>>) => Promise<void>,
    extraChoices: { field: string; name: string; action: NameChoice['action']; targetId: string | null }[] = [],
  ) {
    const id = b.id;
    const importer = importerOf(b.kind);
    const state = stateOf(b);
    const p: Progress = { phase: 'checking', rowsRead: 0, userId: s.user.id };
    progress.set(id, p);
    try {
      async function* staged(): AsyncGenerator<RawRow> {
        // The next page is read while this one is checked (on PostgreSQL the database works beside this process).
        let page = await repo.rowsPage(db, id, 0, 5000);
        while (page.length) {
          const next = repo.rowsPage(db, id, page[page.length - 1].row_no, 5000);
          // Awaited below; a check that stops early leaves it unread, and its failure is not unhandled.
          next.catch(() => undefined);
          for (const r of page) {
            p.rowsRead++;
            const d = r.data;
            yield { key: r.row_no, rowNumber: d.n ?? r.row_no % ROW_KEY, table: d.t ?? 0, cells: d.cells.map(decodeCell), section: d.s ?? null, fills: d.f, marks: d.m };
          }
          page = await next;
        }
      }
      const rewritten: StagedRow[][] = [];
      const choices = choiceMap([...(await repo.nameChoices(db, b.zoneId)), ...extraChoices]);
      const scope: ImportScope<Json> = { db, session: s, zoneId: b.zoneId, clock, resolved: state.resolved };
      const result = await check(importer, choices, scope, staged(), tables, locale, p, async (rows) => void rewritten.push(rows));
      const first = tables[0]?.columns ?? [];
      const next: BatchState = {
        ...state,
        tables,
        columns: first.map((c) => ({ index: c.index, header: c.header, field: c.field, sample: (c as unknown as { sample?: string[] }).sample ?? [] })),
        errors: result.errors,
        errorRows: result.errorRows,
        plan: result.plan,
        names: result.names,
      };
      await db.transaction(async (tx) => {
        if ((await repo.findBatch(tx, id))?.status !== 'staged') throw fieldError('columns', 'import_not_staged');
        for (const rows of rewritten) for (let i = 0; i < rows.length; i += DEFAULT_BATCH) await repo.rewriteRows(tx, id, rows.slice(i, i + DEFAULT_BATCH));
        await repo.updateBatch(tx, id, { totalRows: result.totalRows, validRows: result.validRows, errorCount: result.errorCount, errors: next });
        await inTx(tx, result);
      });
    } finally {
      forget(id, p);
    }
  }

  return {
    /** Another mapping: the staged cells are checked again (no new upload), in one transaction. */
    async remap(s: SessionContext, id: string, body: z.infer<typeof remapImportBody>, locale: Locale, requestId: string): Promise<ImportSummary> {
      const b = await loadBatch(s, id);
      const importer = importerOf(b.kind);
      assertMay(s, importer, b.zoneId);
      if (b.status !== 'staged') throw fieldError('columns', 'import_not_staged');
      const state = stateOf(b);
      const tables = (state.tables ?? []).map((t) => ({ ...t, columns: t.columns.map((c) => ({ ...c })) }));
      const which = body.table ?? 0;
      if (!tables[which]) throw fieldError('table', 'import_unknown_column');
      const columns = tables[which].columns;
      const importable = new Set(importer.columns.filter((c) => !c.exportOnly).map((c) => c.key));
      for (const change of body.columns) {
        const column = columns.find((c) => c.index === change.index);
        if (!column || (change.field !== null && !importable.has(change.field))) throw fieldError('columns', 'import_unknown_column');
        column.field = change.field;
      }
      const mapped = columns.filter((c) => c.field).map((c) => c.field!);
      if (new Set(mapped).size !== mapped.length) throw fieldError('columns', 'import_column_twice');
      const missing = importer.required.filter((k) => !mapped.includes(k));
      if (missing.length)
        throw fieldError('columns', `${reasonText('import_missing_column', locale)}：${missing.map((k) => importer.columns.find((c) => c.key === k)!.header).join('、')}`);

      const saved = columns.map((c) => ({ index: c.index, header: c.header, field: c.field }));
      if (tables[which].columns.some((c, i) => c.field !== state.tables?.[which]?.columns[i]?.field)) tables[which] = { ...tables[which], remembered: true };
      await recheck(s, b, tables, locale, async (tx, result) => {
        // The corrected mapping is the zone's for these headers from now on.
        await repo.saveMapping(tx, { zoneId: b.zoneId, kind: b.kind, signature: headerSignature(saved), columns: saved, userId: s.user.id, at: clock() });
        await audit(tx, actorOf(s, requestId), {
          zoneId: b.zoneId,
          action: 'import.stage',
          entityType: 'import',
          entityId: id,
          before: { table: which, columns: (state.tables?.[which]?.columns ?? state.columns).map((c) => ({ header: c.header, field: c.field })) },
          after: { columns: saved.map((c) => ({ header: c.header, field: c.field })), validRows: result.validRows, errorCount: result.errorCount, mappingSaved: true },
        });
      });
      return summaryOf((await repo.findBatch(db, id))!);
    },

    /**
     * The user's choice for names the zone did not know (create, map to a record, leave blank):
     * remembered for the zone, then the staged cells are checked again with them.
     */
    async resolveNames(s: SessionContext, id: string, body: z.infer<typeof importNamesBody>, locale: Locale, requestId: string): Promise<ImportSummary> {
      const b = await loadBatch(s, id);
      const importer = importerOf(b.kind);
      assertMay(s, importer, b.zoneId);
      if (b.status !== 'staged') throw fieldError('choices', 'import_not_staged');
      const state = stateOf(b);
      const actions = (importer.nameActions ?? {}) as Record<string, NameChoice['action'][]>;
      // A searched directory's field (enterprises) is checked against the directory, not a kept list.
      const directories = (importer.nameDirectories ?? {}) as Record<string, NameDirectory | undefined>;
      const inDirectory = new Map<string, Map<string, string>>();
      for (const field of new Set(body.choices.filter((c) => c.action === 'map' && c.targetId && directories[c.field]).map((c) => c.field))) {
        const ids = body.choices.filter((c) => c.field === field && c.action === 'map' && c.targetId).map((c) => c.targetId!);
        inDirectory.set(field, await directories[field]!.find(db, ids));
      }
      const chosen = body.choices.map((c, i) => {
        const known = (state.names ?? []).some((n) => n.field === c.field && n.text === c.text);
        if (!known) throw fieldError(`choices.${i}.text`, 'import_name_unknown');
        if (!(actions[c.field] ?? ['map', 'blank']).includes(c.action)) throw fieldError(`choices.${i}.action`, 'unknown_value');
        if (c.action === 'map') {
          if (!c.targetId) throw fieldError(`choices.${i}.targetId`, 'import_name_target_required');
          const exists = directories[c.field] ? inDirectory.get(c.field)?.has(c.targetId) : (state.nameTargets?.[c.field] ?? []).some((t) => t.id === c.targetId);
          if (!exists) throw fieldError(`choices.${i}.targetId`, 'unknown_value');
        }
        return { field: c.field, name: c.text, action: c.action, targetId: c.action === 'map' ? c.targetId! : null };
      });
      const tables = (state.tables ?? []).map((t) => ({ ...t, columns: t.columns.map((c) => ({ ...c })) }));
      // Saved before the check so that it sees them; the check's own transaction is the rewrite's.
      const previous = await repo.nameChoices(db, b.zoneId);
      await recheck(
        s,
        b,
        tables,
        locale,
        async (tx, result) => {
          await repo.saveNameChoices(tx, b.zoneId, chosen, s.user.id, clock());
          await audit(tx, actorOf(s, requestId), {
            zoneId: b.zoneId,
            action: 'import.names',
            entityType: 'import',
            entityId: id,
            before: { choices: previous.filter((p) => chosen.some((c) => c.field === p.field && c.name === p.name)) },
            after: { choices: chosen, validRows: result.validRows, errorCount: result.errorCount },
          });
        },
        chosen,
      );
      return summaryOf((await repo.findBatch(db, id))!);
    },
  };
}
