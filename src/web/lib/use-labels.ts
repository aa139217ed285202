import { useMemo } from 'react';
import { roleLabels, type Role } from '../../contract/roles.ts';
import { useI18n } from '../i18n/use-i18n';

/**
 * Turns codes into words in the current language: roles (from the contract), audit actions, record
 * types and field names (from the catalogs). Unknown codes fall back to the raw code, so a new
 * server action still shows something readable.
 */
export function useLabels() {
  const { locale, tryT } = useI18n();
  return useMemo(
    () => ({
      role: (role: string) => {
        const label = roleLabels[role as Role];
        return label ? (locale === 'en-US' ? label.en : label.zh) : role;
      },
      action: (code: string) => tryT(`action.${code}`) ?? code,
      entity: (type: string) => tryT(`entity.${type}`) ?? type,
      field: (name: string) => tryT(`field.${name}`) ?? name,
      /** Enumerated values: zone kinds, report periods, department kinds. */
      option: (group: 'zoneKind' | 'reportPeriod' | 'departmentKind', value: string) => tryT(`${group}.${value}`) ?? value,
    }),
    [locale, tryT],
  );
}
