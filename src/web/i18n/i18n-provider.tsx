import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { Locale } from '../../contract/errors.ts';
import { setApiLocale } from '../lib/api-client';
import { enUS } from './en-us';
import { I18nContext, type I18nValue } from './i18n-context';
import { zhCN, type MessageKey } from './zh-cn';

const storageKey = 'zonedesk.locale';
const catalogs: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, 'en-US': enUS };

function initialLocale(): Locale {
  const stored = localStorage.getItem(storageKey);
  return stored === 'en-US' ? 'en-US' : 'zh-CN';
}

function interpolate(template: string, vars?: Record<string, string | number>): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** Applies the language to everything that reads it outside React: the API client, dayjs and <html lang>. */
function applyLocale(locale: Locale) {
  setApiLocale(locale);
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  document.documentElement.lang = locale;
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    const first = initialLocale();
    applyLocale(first);
    return first;
  });

  useEffect(() => applyLocale(locale), [locale]);

  const setLocale = useCallback((next: Locale) => {
    localStorage.setItem(storageKey, next);
    applyLocale(next);
    setLocaleState(next);
  }, []);

  const value = useMemo<I18nValue>(() => {
    const catalog = catalogs[locale];
    return {
      locale,
      setLocale,
      t: (key, vars) => interpolate(catalog[key] ?? key, vars),
      tryT: (key) => (key in catalog ? catalog[key as MessageKey] : undefined),
    };
  }, [locale, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
