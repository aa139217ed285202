import { useQuery } from '@tanstack/react-query';
import { notificationOperations } from '../../../../contract/notifications.ts';
import type { OperationResult } from '../../../../contract/operation.ts';
import { callOperation } from '../../../lib/api-client';
import { dispatchKeys } from './keys';

export type NotificationList = OperationResult<typeof notificationOperations.list>;
export const listNotifications = () => callOperation(notificationOperations.list, { query: { limit: 100 } });
export const useNotifications = () => useQuery({ queryKey: dispatchKeys.notifications, queryFn: listNotifications });
