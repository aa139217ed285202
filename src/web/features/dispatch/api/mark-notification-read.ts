import { api } from '../../../lib/api-client';
import { useDispatchMutation } from './use-dispatch-mutation';

export const markNotificationRead = (id: string | 'all') =>
  api.post<{ unread: number }>(id === 'all' ? '/notifications/read-all' : `/notifications/${id}/read`);
export const useMarkNotificationRead = () => useDispatchMutation(markNotificationRead);
