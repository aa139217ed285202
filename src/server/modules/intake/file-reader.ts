import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import iconv from 'iconv-lite';
import JSZip from 'jszip';

/** Files above this are refused before they are read (10 MB). */
export const MAX_INTAKE_BYTES = 10 * 1024 * 1024;

export type IntakeFormat = 'txt' | 'docx' | 'pdf';

export type IntakeInputErrorCode =
  | 'FILE_NOT_FOUND'
  | 'FILE_EMPTY'
  | 'FILE_TOO_LARGE'
  | 'UNSUPPORTED_FORMAT'
  | 'BINARY_CONTENT'
  | 'CORRUPT_FILE'
  | 'SCANNED_PDF';

const MESSAGES: Record<IntakeInputErrorCode, { zh: string; en: string }> = {
  FILE_NOT_FOUND: { zh: '找不到文件', en: 'file not found' },
  FILE_EMPTY: { zh: '文件没有文字内容', en: 'the file holds no text' },
  FILE_TOO_LARGE: { zh: '文件超过 10 MB 上限', en: 'the file is larger than the 10 MB limit' },
  UNSUPPORTED_FORMAT: { zh: '只支持 .txt、.docx、.pdf 文件', en: 'only .txt, .docx and .pdf files are supported' },
  BINARY_CONTENT: { zh: '文件不是文本（疑似二进制或未知编码）', en: 'the file is not text (binary or an unknown encoding)' },
  CORRUPT_FILE: { zh: '文件已损坏，无法打开', en: 'the file is damaged and cannot be opened' },
  SCANNED_PDF: { zh: '扫描件无文字层，请先做文字识别（OCR）', en: 'scanned PDF has no text layer; run OCR first' },
};

/** Why a file cannot be read; `code` is stable for the app's error registry, the messages are for people. */
export class IntakeInputError extends Error {
  override name = 'IntakeInputError';
  readonly messageZh: string;
  readonly messageEn: string;

  constructor(readonly code: IntakeInputErrorCode, readonly file?: string) {
    const { zh, en } = MESSAGES[code];
    super(`${zh} / ${en}${file ? `: ${file}` : ''}`);
    this.messageZh = zh;
    this.messageEn = en;
  }
}

/** Reads a .txt (UTF-8 or GB18030), .docx or .pdf into plain text for the reader. */
export async function readIntakeFile(file: string): Promise<{ text: string; format: IntakeFormat }> {
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new IntakeInputError('FILE_NOT_FOUND', file);
    size = info.size;
  } catch (err) {
    if (err instanceof IntakeInputError) throw err;
    throw new IntakeInputError('FILE_NOT_FOUND', file);
  }
  if (size > MAX_INTAKE_BYTES) throw new IntakeInputError('FILE_TOO_LARGE', file);
  const bytes = await readFile(file);
  if (bytes.length === 0) throw new IntakeInputError('FILE_EMPTY', file);

  const format = formatOf(bytes, file);
  const text = format === 'pdf' ? await pdfText(bytes, file) : format === 'docx' ? await docxText(bytes, file) : plainText(bytes, file);
  if (text.trim() === '') throw new IntakeInputError(format === 'pdf' ? 'SCANNED_PDF' : 'FILE_EMPTY', file);
  return { text, format };
}

/** The content decides over the extension: a PDF saved as .txt is still a PDF. */
function formatOf(bytes: Buffer, file: string): IntakeFormat {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  const ext = path.extname(file).toLowerCase();
  if (bytes.subarray(0, 4).toString('latin1') === 'PK\x03\x04') {
    if (ext === '.docx' || ext === '') return 'docx';
    throw new IntakeInputError('UNSUPPORTED_FORMAT', file);
  }
  if (ext === '.docx' || ext === '.pdf') throw new IntakeInputError('CORRUPT_FILE', file);
  if (ext === '.doc' || ext === '.xlsx' || ext === '.xls' || ext === '.wps') throw new IntakeInputError('UNSUPPORTED_FORMAT', file);
  return 'txt';
}

/**
 * UTF-8 when the bytes are valid UTF-8, else GB18030 (what Chinese Windows tools save). Either way the
 * result must read as text: NUL bytes or a high share of controls and replacement glyphs mean binary.
 */
function plainText(bytes: Buffer, file: string): string {
  if (bytes.includes(0)) throw new IntakeInputError('BINARY_CONTENT', file);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = iconv.decode(bytes, 'gb18030');
  }
  text = text.replace(/^\uFEFF/, '');
  const odd = text.match(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd\ue000-\uf8ff]/g)?.length ?? 0;
  if (odd / Math.max(text.length, 1) > 0.02) throw new IntakeInputError('BINARY_CONTENT', file);
  return text;
}

const XML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const decodeXml = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : XML_ENTITIES[e],
  );

/**
 * Paragraph text of word/document.xml, one paragraph a line. Table rows become `| a | b |` lines so
 * the reader's table pass sees their columns.
 */
async function docxText(bytes: Buffer, file: string): Promise<string> {
  let xml: string | undefined;
  try {
    xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')?.async('string');
  } catch {
    throw new IntakeInputError('CORRUPT_FILE', file);
  }
  if (xml === undefined) throw new IntakeInputError('CORRUPT_FILE', file);
  const lines: string[] = [];
  let paragraph = '';
  let cells: string[] | undefined;
  let cell = '';
  const tokens = /<w:tr[\s>]|<\/w:tr>|<\/w:tc>|<\/w:p>|<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>/g;
  for (const m of xml.matchAll(tokens)) {
    const tag = m[0];
    if (tag.startsWith('<w:tr')) cells = [];
    else if (tag === '</w:tr>') {
      if (cells) lines.push(`| ${cells.join(' | ')} |`);
      cells = undefined;
    } else if (tag === '</w:tc>') {
      cells?.push(cell.trim());
      cell = '';
    } else if (tag === '</w:p>') {
      if (cells) cell += `${paragraph} `;
      else lines.push(paragraph);
      paragraph = '';
    } else if (tag === '<w:tab/>') paragraph += ' ';
    else if (tag === '<w:br/>') paragraph += '\n';
    else paragraph += decodeXml(m[1] ?? '');
  }
  return lines.join('\n');
}

/** The text layer of every page, a line per text run that ends a line. No text at all means a scan. */
async function pdfText(bytes: Buffer, file: string): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc;
  try {
    doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 }).promise;
  } catch {
    throw new IntakeInputError('CORRUPT_FILE', file);
  }
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      let page = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        page += item.str + (item.hasEOL ? '\n' : '');
      }
      pages.push(page);
    }
    return pages.join('\n');
  } finally {
    await doc.destroy();
  }
}
