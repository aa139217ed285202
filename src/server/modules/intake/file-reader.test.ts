import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { IntakeInputError, MAX_INTAKE_BYTES, readIntakeFile } from './file-reader.ts';
import { pdf } from './intake.factories.ts';
import { readText } from './reader/read-text.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'intake-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, content: string | Buffer | Uint8Array) => {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
};

const REPORT = '1. 华晟光伏组件二期项目：总投资 9.8 亿元，2025 年 11 月开工。';

async function expectCode(promise: Promise<unknown>, code: string) {
  const err = await promise.catch((e: unknown) => e);
  expect(err).toBeInstanceOf(IntakeInputError);
  expect((err as IntakeInputError).code).toBe(code);
  expect((err as IntakeInputError).messageZh).toMatch(/[\u4e00-\u9fff]/);
  expect((err as IntakeInputError).messageEn).toMatch(/[a-z]/);
}

describe('readIntakeFile', () => {
  it('reads UTF-8 text', async () => {
    expect(await readIntakeFile(write('a.txt', REPORT))).toEqual({ text: REPORT, format: 'txt' });
  });

  it('reads GB18030 text that is not valid UTF-8', async () => {
    const { text } = await readIntakeFile(write('gb.txt', iconv.encode(REPORT, 'gb18030')));
    expect(text).toBe(REPORT);
    expect(readText(text, { referenceDate: '2026-06-30' }).projects[0].total_investment_wan).toBe(98000);
  });

  it('reads the paragraphs and table rows of a .docx', async () => {
    const zip = new JSZip();
    const p = (t: string) => `<w:p><w:r><w:t xml:space="preserve">${t}</w:t></w:r></w:p>`;
    const row = (cells: string[]) => `<w:tr>${cells.map((c) => `<w:tc>${p(c)}</w:tc>`).join('')}</w:tr>`;
    zip.file(
      'word/document.xml',
      `<?xml version="1.0"?><w:document xmlns:w="x"><w:body>${p('汾东经开区 &amp; 项目清单')}${p(REPORT)}<w:tbl>${row(['项目名称', '总投资（亿元）'])}${row(['恒远铸造三期项目', '1.2'])}</w:tbl></w:body></w:document>`,
    );
    const { text, format } = await readIntakeFile(write('r.docx', await zip.generateAsync({ type: 'nodebuffer' })));
    expect(format).toBe('docx');
    expect(text).toBe(`汾东经开区 & 项目清单\n${REPORT}\n| 项目名称 | 总投资（亿元） |\n| 恒远铸造三期项目 | 1.2 |`);
    const projects = readText(text, { referenceDate: '2026-06-30' }).projects;
    expect(projects.map((x) => [x.name, x.total_investment_wan])).toEqual([
      ['华晟光伏组件二期项目', 98000],
      ['恒远铸造三期项目', 12000],
    ]);
  });

  it('reads the text layer of a PDF', async () => {
    const file = write('t.pdf', pdf('BT /F1 12 Tf 20 150 Td (Total 1.69) Tj 0 -20 Td (Phase 2) Tj ET'));
    const { text, format } = await readIntakeFile(file);
    expect(format).toBe('pdf');
    expect(text.replace(/\s+/g, ' ')).toContain('Total 1.69');
  });

  it('refuses a PDF without a text layer as a scan', async () => {
    await expectCode(readIntakeFile(write('scan.pdf', pdf('0 0 1 rg 10 10 100 100 re f'))), 'SCANNED_PDF');
  });

  it('refuses damaged, binary, empty, missing, foreign and oversized files', async () => {
    await expectCode(readIntakeFile(write('bad.pdf', '%PDF-1.4 nonsense')), 'CORRUPT_FILE');
    await expectCode(readIntakeFile(write('bad.docx', 'not a zip')), 'CORRUPT_FILE');
    const junk = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    await expectCode(readIntakeFile(write('junk.txt', junk)), 'BINARY_CONTENT');
    await expectCode(readIntakeFile(write('empty.txt', '')), 'FILE_EMPTY');
    await expectCode(readIntakeFile(write('blank.txt', ' \n\n ')), 'FILE_EMPTY');
    await expectCode(readIntakeFile(path.join(dir, 'missing.txt')), 'FILE_NOT_FOUND');
    await expectCode(readIntakeFile(write('sheet.xlsx', 'PK\x03\x04rest')), 'UNSUPPORTED_FORMAT');
    await expectCode(readIntakeFile(write('big.txt', Buffer.alloc(MAX_INTAKE_BYTES + 1, 0x41))), 'FILE_TOO_LARGE');
  });
});
