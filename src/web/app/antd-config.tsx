import type { ReactNode } from 'react';
import { App as AntdApp, ConfigProvider } from 'antd';
import antdEnUS from 'antd/locale/en_US';
import antdZhCN from 'antd/locale/zh_CN';
import { useI18n } from '../i18n/use-i18n';

/** antd's own texts (pagination, pickers, empty states) follow the UI language. */
export function AntdConfig({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  return (
    <ConfigProvider locale={locale === 'zh-CN' ? antdZhCN : antdEnUS} theme={{ token: { colorPrimary: '#1f5fbf' } }}>
      <AntdApp style={{ height: '100%' }}>{children}</AntdApp>
    </ConfigProvider>
  );
}
