import { Segmented } from 'antd';
import type { Locale } from '../../contract/errors.ts';
import { useI18n } from '../i18n/use-i18n';

/**
 * 中文 / English toggle; `onLocaleChange` lets a signed-in shell also tell the server. `compact`
 * (a phone's header) reads 中 / EN, the full names staying as the options' titles.
 */
export function LanguageSwitch({ onLocaleChange, compact }: { onLocaleChange?: (locale: Locale) => void; compact?: boolean }) {
  const { locale, setLocale, t } = useI18n();
  return (
    <Segmented<Locale>
      size="small"
      aria-label={t('shell.language')}
      value={locale}
      options={[
        { label: compact ? '中' : t('lang.zh'), title: t('lang.zh'), value: 'zh-CN' },
        { label: compact ? 'EN' : t('lang.en'), title: t('lang.en'), value: 'en-US' },
      ]}
      onChange={(next) => {
        setLocale(next);
        onLocaleChange?.(next);
      }}
    />
  );
}
