/** Builders for pipeline tests: spreadsheets in memory and multipart uploads like the browser sends. */
import ExcelJS from 'exceljs';
import type { Client, TestContext } from './harness.ts';

/** An .xlsx with an optional title row, a header row and data rows. */
export async function buildXlsx(header: string[], rows: unknown[][], options: { title?: string } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  if (options.title) ws.addRow([options.title]);
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** POSTs a file as multipart/form-data (field "file", text fields first) with the client's cookie and CSRF token. */
export async function uploadMultipart(
  ctx: TestContext,
  client: Client,
  url: string,
  file: Buffer,
  options: { fileName?: string; contentType?: string; fields?: Record<string, string> } = {},
) {
  const boundary = `----zonedesk${Math.random().toString(16).slice(2)}`;
  const fields = Object.entries(options.fields ?? {})
    .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
    .join('');
  const head = Buffer.from(
    `${fields}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${encodeURIComponent(options.fileName ?? 'upload.bin')}"\r\nContent-Type: ${options.contentType ?? 'application/octet-stream'}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const res = await ctx.app.inject({
    method: 'POST',
    url,
    payload: Buffer.concat([head, file, tail]),
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      ...(client.cookie ? { cookie: client.cookie } : {}),
      ...(client.csrfToken ? { 'x-csrf-token': client.csrfToken } : {}),
    },
  });
  return { status: res.statusCode, body: res.json() };
}

/** POSTs an .xlsx as multipart/form-data (field "file"). */
export function uploadXlsx(ctx: TestContext, client: Client, url: string, file: Buffer, fileName = 'upload.xlsx') {
  return uploadMultipart(ctx, client, url, file, { fileName, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

/** A staged (uncommitted) lead import of the caller's zone; returns its id. */
export async function stageImportFixture(ctx: TestContext, client: Client): Promise<string> {
  const file = await buildXlsx(['项目名称', '招商方式', '推进阶段'], [['河津测试导入项目', '产业链招商', '线索']]);
  const res = await uploadXlsx(ctx, client, '/api/imports?kind=leads', file);
  if (res.status !== 201) throw new Error(`stage import failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}
