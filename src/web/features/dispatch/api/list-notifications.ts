import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { notificationList } from '../../../../contract/dispatch.ts';
import { api } from '../../../lib/api-client';
import { dispatchKeys } from './keys';

export type NotificationList = z.infer<typeof notificationList>;
export const listNotifications = () => api.get<NotificationList>('/notifications', { limit: 100 });
export const useNotifications = () => useQuery({ queryKey: dispatchKeys.notifications, queryFn: listNotifications });
