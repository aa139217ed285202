import { useQuery } from '@tanstack/react-query';
import { notificationOperations } from '../../../../contract/notifications.ts';
import { callOperation } from '../../../lib/api-client';
import { dispatchKeys } from './keys';

export const getUnreadCount = () => callOperation(notificationOperations.unreadCount);
/** Polled once a minute, so the bell notices escalations made by the server's timer. */
export const useUnreadCount = () => useQuery({ queryKey: dispatchKeys.unread, queryFn: getUnreadCount, refetchInterval: 60_000 });
