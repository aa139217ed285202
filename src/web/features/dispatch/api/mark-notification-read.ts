import { notificationOperations } from '../../../../contract/notifications.ts';
import { callOperation } from '../../../lib/api-client';
import { useDispatchMutation } from './use-dispatch-mutation';

export const markNotificationRead = (id: string | 'all') =>
  id === 'all' ? callOperation(notificationOperations.markAllRead) : callOperation(notificationOperations.markRead, { params: { id } });
export const useMarkNotificationRead = () => useDispatchMutation(markNotificationRead);
