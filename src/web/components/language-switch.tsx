import { Segmented } from 'antd';
import type { Locale } from '../../contract/errors.ts';
import { useI18n } from '../i18n/use-i18n';

/** 中文 / English toggle; `onLocaleChange` lets a signed-in shell also tell the server. */
export function LanguageSwitch({ onLocaleChange }: { onLocaleChange?: (locale: Locale) => void }) {
  const { locale, setLocale, t } = useI18n();
  return (
    <Segmented<Locale>
      size="small"
      aria-label={t('shell.language')}
      value={locale}
      options={[
        { label: t('lang.zh'), value: 'zh-CN' },
        { label: t('lang.en'), value: 'en-US' },
      ]}
      onChange={(next) => {
        setLocale(next);
        onLocaleChange?.(next);
      }}
    />
  );
}
