/**
 * When two project names (项目名称) are probably one project: the names compared without width,
 * spaces, punctuation and the generic endings (项目, 建设项目, 工程), then equal, one inside the other
 * (at least four characters), or close by character pairs (Dice ≥ 0.7). A suggestion for a person,
 * never a rule: 年产5000吨锂电池项目 and 年产5000吨锂电池二期项目 are flagged, and the person says
 * whether the second is a new project.
 */
import { comparableName, nameSimilarity } from '../../platform/text-similarity.ts';

const endings = ['建设项目', '项目', '工程'];
const MIN_CONTAINED = 4;
const DICE_SIMILAR = 0.7;

export function normalizeProjectName(name: string): string {
  let s = comparableName(name);
  for (let stripped = true; stripped; ) {
    stripped = false;
    for (const e of endings) {
      if (s.endsWith(e) && s.length - e.length >= 2) {
        s = s.slice(0, -e.length);
        stripped = true;
      }
    }
  }
  return s;
}

export function projectNamesSimilar(a: string, b: string): boolean {
  const x = normalizeProjectName(a);
  const y = normalizeProjectName(b);
  if (!x || !y) return false;
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (short.length >= MIN_CONTAINED && long.includes(short)) return true;
  return nameSimilarity(x, y) >= DICE_SIMILAR;
}
