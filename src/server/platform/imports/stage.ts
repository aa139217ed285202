/**
 * The upload (docs/imports.md, The flow): every visible sheet read, its tables found and mapped by
 * the importer's header words or the mapping the zone saved for those headers, every row checked
 * (check.ts) and staged. Nothing of a failed upload stays.
 */
import { randomUUID } from 'node:crypto';
import type { Locale } from '../../../contract/errors.ts';
import { IMPORT_MAX_BYTES, type ImportSummary, type uploadImportQuery } from '../../../contract/imports.ts';
import { reasonText } from '../../../contract/reasons.ts';
import type { z } from 'zod';
import { actorOf, type SessionContext } from '../auth/session.ts';
import { fieldError } from '../errors.ts';
import type { UploadedFile } from '../http/operations.ts';
import { inScope } from '../policies.ts';
import type { ImportScope, Json } from './importer.ts';
import { check, ROW_KEY, type Progress, type RawRow, type Table } from './check.ts';
import { openWorkbook } from './formats.ts';
import { applySavedMapping, choiceMap, headerSignature } from './memory.ts';
import { cellString, findTables, type TableEvent, type TableInfo } from './table.ts';
import { WorkbookError } from './workbook.ts';
import { SheetError, type BatchState, type EngineContext } from './engine-context.ts';

const MAX_REPORTED_SKIPS = 2000;
const SAMPLE_ROWS = 3;

export function stageOperations(ctx: EngineContext) {
  const { db, audit, clock, repo, progress, importerOf, summaryOf, sheetProblem, assertMay, forget } = ctx;
  return {
    /** Upload: read, map, check and stage; answers the preview. Nothing of a failed upload stays. */
    async stage(
      s: SessionContext,
      q: z.infer<typeof uploadImportQuery>,
      file: () => Promise<UploadedFile | null>,
      locale: Locale,
      requestId: string,
    ): Promise<ImportSummary> {
      const importer = importerOf(q.kind);
      const say = (key: string) => reasonText(key, locale) ?? key;
      const zoneId = q.zoneId ?? (!s.scope.all && s.scope.zoneIds.length === 1 ? s.scope.zoneIds[0] : undefined);
      if (!zoneId) throw fieldError('zoneId', 'zone_required');
      const zone: string = zoneId;
      if (!inScope(s, zoneId)) throw fieldError('zoneId', 'zone_out_of_scope');
      assertMay(s, importer, zoneId);
      const { kind: _kind, zoneId: _zone, importId: chosenId, ...options } = q;
      const parsedOptions = (importer.options ? importer.options.parse(options) : options) as Record<string, unknown>;
      const importId = chosenId ?? randomUUID();
      if (chosenId && (progress.has(chosenId) || (await repo.findBatch(db, chosenId)))) throw fieldError('importId', 'name_taken', 'DUPLICATE');

      const p: Progress = { phase: 'uploading', rowsRead: 0, userId: s.user.id };
      progress.set(importId, p);
      let upload: UploadedFile | null;
      try {
        upload = await file();
      } catch (err) {
        forget(importId, p);
        if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw fieldError('file', 'sheet_too_large');
        throw err;
      }
      if (!upload) {
        forget(importId, p);
        throw fieldError('file', 'import_file_required');
      }
      if (upload.buffer.length > Math.min(importer.maxBytes ?? IMPORT_MAX_BYTES, IMPORT_MAX_BYTES)) {
        forget(importId, p);
        throw fieldError('file', 'sheet_too_large');
      }
      const buffer = upload.buffer;
      const fileName = upload.fileName || 'upload.xlsx';
      p.phase = 'reading';

      const state: BatchState = { errors: [], errorRows: 0, columns: [], tables: [], skipped: [], sheetsSkipped: [], names: [], checks: [], period: null, resolved: null, plan: {}, committed: null };
      let inserted = false;
      try {
        const wb = await openWorkbook(buffer, fileName);
        const tables: Table[] = state.tables!;
        const infos: TableInfo[] = [];
        let dataRows = 0;
        let best = new Set<string>();
        // Every visible sheet, every table on it, in reading order.
        async function* events(): AsyncGenerator<TableEvent> {
          let base = 0;
          for (const sheet of wb.sheets) {
            if (sheet.hidden) {
              state.sheetsSkipped!.push({ sheet: sheet.name, why: 'hidden' });
              continue;
            }
            const gen = findTables(
              sheet,
              { fields: importer.columns.map((c) => ({ ...c })), required: importer.required, onCandidate: (f) => void (f.size > best.size && (best = f)) },
              base,
            );
            let step = await gen.next();
            while (!step.done) {
              yield step.value;
              step = await gen.next();
            }
            if (step.value === 0) state.sheetsSkipped!.push({ sheet: sheet.name, why: 'no_table' });
            base += step.value;
          }
        }
        const source = events();
        // Up to the first table: its period goes to the importer's resolve, before any row is checked.
        const early: TableEvent[] = [];
        for (;;) {
          const step = await source.next();
          if (step.done) break;
          early.push(step.value);
          if (step.value.type === 'table') break;
        }
        const firstTable = early.find((e): e is Extract<TableEvent, { type: 'table' }> => e.type === 'table')?.table;
        if (!firstTable) {
          const lacking = importer.required.filter((k) => !best.has(k));
          throw new SheetError('missing_columns', (lacking.length ? lacking : importer.required).map((k) => importer.columns.find((c) => c.key === k)!.header));
        }
        state.period = firstTable.period;
        state.resolved = ((await importer.resolve?.({ db, session: s, zoneId, clock, options: parsedOptions, sheet: { period: firstTable.period } })) ?? null) as Json;
        await repo.insertBatch(db, { id: importId, zoneId, userId: s.user.id, kind: importer.kind, fileName, totalRows: 0, validRows: 0, errorCount: 0, errors: state });
        inserted = true;

        const samples = new Map<number, Map<number, string[]>>();
        const exportOnly = new Set(importer.columns.filter((c) => c.exportOnly).map((c) => c.key));
        const importable = new Set(importer.columns.filter((c) => !c.exportOnly).map((c) => c.key as string));
        async function* raw(): AsyncGenerator<RawRow> {
          const replay = (async function* () {
            yield* early;
            yield* source;
          })();
          for await (const e of replay) {
            if (e.type === 'table') {
              infos.push(e.table);
              const cols = e.table.columns.map((c) => ({ ...c, field: c.field && !exportOnly.has(c.field) ? c.field : null }));
              // The mapping the zone saved for these headers, if any (the user corrected it once).
              const saved = await repo.savedMappings(db, zone, importer.kind, headerSignature(cols));
              const remembered = saved ? applySavedMapping(cols, saved, importable) : false;
              tables.push({
                table: e.table.table,
                sheet: e.table.sheet,
                headerRows: e.table.headerRows,
                block: e.table.block,
                unit: e.table.unit,
                period: e.table.period,
                rows: 0,
                columns: cols,
                ...(remembered ? { remembered: true } : {}),
              });
              samples.set(e.table.table, new Map(cols.map((c) => [c.index, []])));
              continue;
            }
            if (e.type === 'skip') {
              if (state.skipped!.length < MAX_REPORTED_SKIPS) state.skipped!.push(e.skip);
              continue;
            }
            if (e.type === 'check') {
              if (state.checks!.length < MAX_REPORTED_SKIPS) state.checks!.push(e.check);
              continue;
            }
            const r = e.row;
            if (++dataRows > importer.maxRows) throw new SheetError('too_many_rows');
            p.rowsRead = dataRows;
            const t = tables.find((x) => x.table === r.table)!;
            t.rows++;
            for (const [i, sample] of samples.get(r.table)!) if (sample.length < SAMPLE_ROWS && r.cells[i] != null) sample.push(cellString(r.cells[i]!).slice(0, 60));
            const sheetIndex = infos.find((x) => x.table === r.table)!.sheetIndex;
            yield { key: sheetIndex * ROW_KEY + r.r, rowNumber: r.r, table: r.table, cells: Array.from(r.cells, (v) => v ?? null), section: r.section, fills: r.fills, marks: r.marks };
          }
        }
        const scope: ImportScope<Json> = { db, session: s, zoneId, clock, resolved: state.resolved };
        const choices = choiceMap(await repo.nameChoices(db, zoneId));
        state.nameTargets = ((await importer.nameTargets?.(scope)) ?? {}) as Record<string, { id: string; name: string }[]>;
        const result = await check(importer, choices, scope, raw(), tables, locale, p, (staged) => repo.insertRows(db, importId, staged));
        if (result.totalRows === 0) throw fieldError('file', 'import_empty');
        for (const t of tables) for (const c of t.columns) Object.assign(c, { sample: samples.get(t.table)?.get(c.index) ?? [] });
        state.columns = (tables[0]?.columns ?? []).map((c) => ({ index: c.index, header: c.header, field: c.field, sample: (c as unknown as { sample?: string[] }).sample ?? [] }));
        Object.assign(state, { errors: result.errors, errorRows: result.errorRows, plan: result.plan, names: result.names });
        await db.transaction(async (tx) => {
          await repo.updateBatch(tx, importId, { totalRows: result.totalRows, validRows: result.validRows, errorCount: result.errorCount, errors: state });
          await audit(tx, actorOf(s, requestId), {
            zoneId,
            action: 'import.stage',
            entityType: 'import',
            entityId: importId,
            after: { kind: importer.kind, fileName, totalRows: result.totalRows, validRows: result.validRows, errorCount: result.errorCount, period: state.period?.written ?? null },
          });
        });
      } catch (err) {
        if (inserted) await repo.deleteBatch(db, importId).catch(() => undefined);
        progress.delete(importId);
        if (err instanceof SheetError || err instanceof WorkbookError) sheetProblem(err, importer, say);
        throw err;
      } finally {
        forget(importId, p);
      }
      return summaryOf((await repo.findBatch(db, importId))!);
    },
  };
}
