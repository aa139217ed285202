/** Files of a lead (agreement scans): uploaded as multipart, stored in the database, downloaded through sendFile. */
import type { UploadedFile } from '../../platform/http/operations.ts';
import type { DownloadFile } from '../../platform/http/send-file.ts';
import { actorOf, type SessionContext } from '../../platform/auth/session.ts';
import { fieldError, notFound } from '../../platform/errors.ts';
import { inScope } from '../../platform/policies.ts';
import type { LeadsShared } from './leads.shared.ts';

export function createFilesService({ db, leads, audit, loadLead }: LeadsShared) {
  return {
    async uploadFile(s: SessionContext, id: string, upload: UploadedFile | null, requestId: string) {
      const lead = await loadLead(s, id, 'lead.update');
      if (!upload || upload.buffer.length === 0) throw fieldError('file', 'file_missing');
      const name = (upload.fields.name?.trim() || upload.fileName || 'file').slice(0, 120);
      const row = await db.transaction(async (tx) => {
        const file = await leads.insertFile(tx, {
          zoneId: lead.zoneId,
          leadId: id,
          name,
          mimeType: (upload.mimeType || 'application/octet-stream').slice(0, 100),
          sizeBytes: upload.buffer.length,
          content: upload.buffer.toString('base64'),
          uploadedById: s.user.id,
        });
        await audit(tx, actorOf(s, requestId), { zoneId: lead.zoneId, action: 'file.create', entityType: 'lead', entityId: id, after: file });
        return file;
      });
      return { ...row, createdAt: row.createdAt.toISOString() };
    },

    async downloadFile(s: SessionContext, fileId: string): Promise<DownloadFile> {
      const file = await leads.findFile(db, fileId);
      if (!file || !inScope(s, file.zoneId)) throw notFound();
      return { buffer: Buffer.from(file.content, 'base64'), fileName: file.name, contentType: file.mimeType };
    },
  };
}
