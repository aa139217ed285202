import { useContext } from 'react';
import { I18nContext, type I18nValue } from './i18n-context';

/** The current language, a setter and `t()`; only valid under <I18nProvider>. */
export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside <I18nProvider>');
  return value;
}
