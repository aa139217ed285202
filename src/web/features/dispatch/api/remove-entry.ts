import { campaignOperations } from '../../../../contract/dispatch.ts';
import { callOperation } from '../../../lib/api-client';
import { useDispatchMutation } from './use-dispatch-mutation';

/** Withdraws a nomination (撤销提名). */
export const removeEntry = ({ id }: { id: string }) => callOperation(campaignOperations.removeEntry, { params: { id } });
export const useRemoveEntry = () => useDispatchMutation(removeEntry);
