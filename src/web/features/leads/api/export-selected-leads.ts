import { useMutation } from '@tanstack/react-query';
import { leadOperations } from '../../../../contract/leads.ts';
import { callOperation } from '../../../lib/api-client';
import { chinaToday } from '../../../lib/format-date-time';
import { saveBlob } from '../../../lib/save-blob';

/** 导出所选: the selected leads as an .xlsx download. */
export async function exportSelectedLeads(ids: string[]) {
  saveBlob(await callOperation(leadOperations.exportSelected, { body: { ids } }), `招商线索-${chinaToday()}.xlsx`);
}
export const useExportSelectedLeads = () => useMutation({ mutationFn: exportSelectedLeads });
