import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { calendarOperations } from '../../../../contract/calendar.ts';
import type { OperationResult } from '../../../../contract/operation.ts';
import { callOperation } from '../../../lib/api-client';
import { projectKeys } from './keys';

export type CalendarYear = OperationResult<typeof calendarOperations.year>;

export function useCalendarYear(year: number) {
  return useQuery({ queryKey: projectKeys.calendar(year), queryFn: () => callOperation(calendarOperations.year, { query: { year } }) });
}

/** Sets or removes an admin-entered day; approval clocks use it at once. */
export function useCalendarDayWrite() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: { day: string; remove?: { version: number }; kind?: 'holiday' | 'workday'; name?: string; version?: number }): Promise<unknown> =>
      input.remove
        ? callOperation(calendarOperations.removeDay, { params: { day: input.day }, query: { version: input.remove.version } })
        : callOperation(calendarOperations.upsertDay, {
            params: { day: input.day },
            body: { kind: input.kind ?? 'holiday', name: input.name ?? '', version: input.version },
          }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['calendar'] });
      void client.invalidateQueries({ queryKey: projectKeys.all });
    },
  });
}
