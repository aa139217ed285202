/**
 * The comparable form of an enterprise name: full-width to half-width, no spaces or brackets'
 * content like (中国), no trailing legal-form words (有限公司, 股份, 集团 …), lower case. Two names with
 * the same form are probably one enterprise.
 */
const legalForms = ['股份有限公司', '有限责任公司', '有限公司', '股份公司', '集团公司', '集团', '股份', '公司'];

export function normalizeEnterpriseName(name: string): string {
  let s = name.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
  s = s.replace(/\((中国|china)\)/gi, '');
  s = s.replace(/[\s()[\]·.,，。、\-_]/g, '');
  // Only trailing legal forms: "公司" inside a name is part of it.
  for (let stripped = true; stripped; ) {
    stripped = false;
    for (const form of legalForms) {
      if (s.endsWith(form) && s.length > form.length) {
        s = s.slice(0, -form.length);
        stripped = true;
      }
    }
  }
  return s.toLowerCase();
}
