import { createContext } from 'react';
import type { Locale } from '../../contract/errors.ts';
import type { MessageKey } from './zh-cn';

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export interface I18nValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
  /** For keys built at run time (audit actions, field names): the message, or undefined when the catalog lacks it. */
  tryT: (key: string) => string | undefined;
}

export const I18nContext = createContext<I18nValue | null>(null);
