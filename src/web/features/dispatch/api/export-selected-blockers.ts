import { useMutation } from '@tanstack/react-query';
import { blockerOperations } from '../../../../contract/dispatch.ts';
import { callOperation } from '../../../lib/api-client';
import { chinaToday } from '../../../lib/format-date-time';
import { saveBlob } from '../../../lib/save-blob';

/** 导出所选: the 堵点清单 of the selected rows, saved as a download. */
export async function exportSelectedBlockers(ids: string[]) {
  saveBlob(await callOperation(blockerOperations.exportSelected, { body: { ids } }), `堵点清单-${chinaToday()}.xlsx`);
}
export const useExportSelectedBlockers = () => useMutation({ mutationFn: exportSelectedBlockers });
