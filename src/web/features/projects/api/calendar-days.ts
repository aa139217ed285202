import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { calendarYearResponse } from '../../../../contract/calendar.ts';
import { api, apiRequest } from '../../../lib/api-client';
import { projectKeys } from './keys';

export type CalendarYear = z.infer<typeof calendarYearResponse>;

export function useCalendarYear(year: number) {
  return useQuery({ queryKey: projectKeys.calendar(year), queryFn: () => api.get<CalendarYear>('/calendar/days', { year }) });
}

/** Sets or removes an admin-entered day; approval clocks use it at once. */
export function useCalendarDayWrite() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { day: string; remove?: { version: number }; kind?: 'holiday' | 'workday'; name?: string; version?: number }) =>
      input.remove
        ? apiRequest('DELETE', `/calendar/days/${input.day}`, { query: { version: input.remove.version } })
        : apiRequest('PUT', `/calendar/days/${input.day}`, { body: { kind: input.kind, name: input.name, version: input.version } }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['calendar'] });
      void client.invalidateQueries({ queryKey: projectKeys.all });
    },
  });
}
