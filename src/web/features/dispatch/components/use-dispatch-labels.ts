import { useMemo } from 'react';
import { dispatchValueLabels as groups } from '../../../../contract/dispatch-enums.ts';
import { useI18n } from '../../../i18n/use-i18n';

/** Dispatch's enumerated values in the current language, from the contract's label tables. */
export function useDispatchLabels() {
  const { locale } = useI18n();
  return useMemo(
    () => (group: keyof typeof groups, value: string) => (groups[group] as Record<string, [string, string]>)[value]?.[locale === 'en-US' ? 1 : 0] ?? value,
    [locale],
  );
}

export const levelColors: Record<string, string> = { task_force: 'blue', leader: 'gold', meeting: 'orange', main_leader: 'red' };
export const statusColors: Record<string, string> = { open: 'default', resolving: 'processing', resolved: 'success' };
