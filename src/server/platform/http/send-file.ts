import type { FastifyReply } from 'fastify';

export const mimeTypes = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  pdf: 'application/pdf',
} as const;

/** A generated or stored file to download. */
export interface DownloadFile {
  buffer: Buffer | Uint8Array;
  fileName: string;
  /** The MIME type; taken from the file name's extension when absent. */
  contentType?: string;
  /** `inline` shows it in the browser (photos); downloads are attachments. */
  disposition?: 'attachment' | 'inline';
  /** Cache-Control: generated files are `no-store`; immutable stored files may say otherwise. */
  cacheControl?: string;
}

function contentTypeOf(fileName: string): string {
  const ext = fileName.split('.').pop()?.toLowerCase() ?? '';
  return (mimeTypes as Record<string, string>)[ext] ?? 'application/octet-stream';
}

/** Sends a file named for the browser in both the ASCII fallback and the RFC 5987 UTF-8 forms. */
export function sendFile(reply: FastifyReply, file: DownloadFile): FastifyReply {
  const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '');
  reply.header('content-type', file.contentType ?? contentTypeOf(file.fileName));
  reply.header('content-disposition', `${file.disposition ?? 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
  reply.header('cache-control', file.cacheControl ?? 'no-store');
  return reply.send(Buffer.isBuffer(file.buffer) ? file.buffer : Buffer.from(file.buffer));
}
