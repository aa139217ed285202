import { useMutation } from '@tanstack/react-query';
import { decisionOperations } from '../../../../contract/dispatch.ts';
import { callOperation } from '../../../lib/api-client';
import { chinaToday } from '../../../lib/format-date-time';
import { saveBlob } from '../../../lib/save-blob';

/** 导出所选: the selected 议定事项 as an .xlsx download. */
export async function exportSelectedDecisions(ids: string[]) {
  saveBlob(await callOperation(decisionOperations.exportSelected, { body: { ids } }), `议定事项-${chinaToday()}.xlsx`);
}
export const useExportSelectedDecisions = () => useMutation({ mutationFn: exportSelectedDecisions });
