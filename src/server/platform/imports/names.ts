/**
 * The best matches of the names a sheet gives that the zone does not know (issue 11 item 6): for each
 * name to be created or kept as text, the existing records most like it, so that the user maps it in
 * one click ("经开区经济发展局" ≈ 经济发展局, "铭城微电子" ≈ 铭诚微电子). Listed records (departments,
 * people) are ranked here; a searched directory (enterprises) answers its own best matches.
 */
import { nearestNames } from '../text-similarity.ts';
import type { Name } from './check.ts';
import type { AnyImporter, ImportScope, Json } from './importer.ts';

/** A directory is searched for the first names only (one query each batch); the rest are searched by the user. */
export const DIRECTORY_NAMES_SEARCHED = 50;
const LISTED_NAMES_RANKED = 2000;

export async function withCandidates(importer: AnyImporter, scope: ImportScope<Json>, names: Name[]): Promise<Name[]> {
  const open = names.filter((n) => n.resolution === 'create' || n.resolution === 'text');
  if (!open.length) return names;
  const directories = (importer.nameDirectories ?? {}) as Record<string, NonNullable<AnyImporter['nameDirectories']>[string]>;
  const found = new Map<Name, { id: string; name: string }[]>();
  const fields = new Set(open.map((n) => n.field));
  const listed = [...fields].some((f) => !directories[f]) ? (((await importer.nameTargets?.(scope)) ?? {}) as Record<string, { id: string; name: string }[]>) : {};
  for (const field of fields) {
    const ofField = open.filter((n) => n.field === field);
    const directory = directories[field];
    if (directory) {
      const searched = ofField.slice(0, DIRECTORY_NAMES_SEARCHED);
      const answers = await directory.candidates(scope.db, searched.map((n) => n.text));
      for (const n of searched) if (answers.get(n.text)?.length) found.set(n, answers.get(n.text)!.slice(0, 3));
    } else {
      const targets = listed[field] ?? [];
      if (!targets.length) continue;
      for (const n of ofField.slice(0, LISTED_NAMES_RANKED)) {
        const near = nearestNames(n.text, targets);
        if (near.length) found.set(n, near.map((t) => ({ id: t.id, name: t.name })));
      }
    }
  }
  return names.map((n) => (found.has(n) ? { ...n, candidates: found.get(n) } : n));
}
