/**
 * The comparable form of an enterprise name (its 字号, the trade name): full-width to half-width, no
 * spaces or brackets' content like (中国) or (巴中), no trailing legal-form words (有限公司, 股份,
 * 集团 …) or generic industry words (科技, 实业 …), no leading region (巴中市, 四川, 运城市盐湖区),
 * lower case. Two names with the same form are probably one enterprise, so 铭诚微电子 and
 * 巴中市铭诚微电子科技有限公司 are suggested as one. Each step keeps at least two characters.
 */
import { regionNamePrefixes } from '../org/index.ts';

const legalForms = ['股份有限公司', '有限责任公司', '有限公司', '股份公司', '集团公司', '集团', '股份', '公司'];
/** Words that say what a company does in general, not who it is; only stripped at the end. */
const industryWords = ['科技', '技术', '实业', '发展', '控股', '投资', '贸易', '工贸', '商贸', '国际', '产业', '工业'];
const MIN_CORE = 2;

let prefixes: { set: Set<string>; maxLength: number } | undefined;
function regionPrefixes() {
  if (!prefixes) {
    const names = regionNamePrefixes();
    prefixes = { set: new Set(names), maxLength: Math.max(...names.map((n) => n.length)) };
  }
  return prefixes;
}

function stripTrailing(s: string, words: string[]): string {
  for (let stripped = true; stripped; ) {
    stripped = false;
    for (const word of words) {
      if (s.endsWith(word) && s.length - word.length >= MIN_CORE) {
        s = s.slice(0, -word.length);
        stripped = true;
      }
    }
  }
  return s;
}

/** The longest region names the string starts with, repeatedly (四川省巴中市 …). */
function stripLeadingRegions(s: string): string {
  const { set, maxLength } = regionPrefixes();
  for (let stripped = true; stripped; ) {
    stripped = false;
    for (let n = Math.min(maxLength, s.length - MIN_CORE); n >= 2; n--) {
      if (set.has(s.slice(0, n))) {
        s = s.slice(n);
        stripped = true;
        break;
      }
    }
  }
  return s;
}

export function normalizeEnterpriseName(name: string): string {
  let s = name.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
  s = s.replace(/\((中国|china)\)/gi, '');
  // A region in brackets, 铭诚微电子(巴中)有限公司: the same enterprise as without it.
  s = s.replace(/\(([^()]{2,12})\)/g, (all, inner: string) => (regionPrefixes().set.has(inner) ? '' : all));
  s = s.replace(/[\s()[\]·.,，。、\-_]/g, '');
  // Only trailing legal forms and industry words: "公司" or "科技" inside a name is part of it.
  s = stripTrailing(s, legalForms);
  s = stripTrailing(s, industryWords);
  s = stripTrailing(s, legalForms);
  s = stripLeadingRegions(s);
  return s.toLowerCase();
}

/**
 * The key under which an import or another module may silently reuse an enterprise: the same full
 * name but for width, spacing and the legal form. The looser `normalizeEnterpriseName` only
 * suggests a duplicate to a person (北京铭诚科技 and 山西铭诚科技 share it; they may be two firms).
 */
export function exactNameKey(name: string): string {
  const s = name.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[\s\u3000]/g, '');
  return stripTrailing(s, legalForms).toLowerCase();
}
