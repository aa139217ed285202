import { Button, DatePicker, Empty, Input, Space, Tabs, Typography } from 'antd';
import { FileTextOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { FilePicker } from '../../../components/file-picker';
import { useI18n } from '../../../i18n/use-i18n';
import { sampleText } from './sample-text';

export interface SourceValue {
  mode: 'paste' | 'upload';
  text: string;
  file: File | null;
  referenceDate: string;
}

/** Paste text or pick a .txt/.docx/.pdf, with the reference date relative dates resolve against. */
export function SourceInput(props: { value: SourceValue; onChange: (v: SourceValue) => void; onRead: () => void; reading: boolean }) {
  const { t } = useI18n();
  const { value } = props;
  const set = (patch: Partial<SourceValue>) => props.onChange({ ...value, ...patch });
  const ready = value.mode === 'paste' ? value.text.trim() !== '' : value.file !== null;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Tabs
        activeKey={value.mode}
        onChange={(k) => set({ mode: k as SourceValue['mode'] })}
        items={[
          {
            key: 'paste',
            label: t('intake.tab.paste'),
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Input.TextArea
                  aria-label={t('intake.textLabel')}
                  placeholder={t('intake.textPlaceholder')}
                  autoSize={{ minRows: 10, maxRows: 24 }}
                  value={value.text}
                  onChange={(e) => set({ text: e.target.value })}
                />
                {value.text === '' && (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={<Typography.Text type="secondary">{t('intake.emptyHint')}</Typography.Text>}>
                    <Button icon={<FileTextOutlined />} onClick={() => set({ text: sampleText })}>
                      {t('intake.useSample')}
                    </Button>
                  </Empty>
                )}
              </Space>
            ),
          },
          {
            key: 'upload',
            label: t('intake.tab.upload'),
            children: (
              <FilePicker
                dragger
                accept=".txt,.docx,.pdf"
                onPick={(file) => set({ file })}
                fileName={value.file?.name}
                onClear={() => set({ file: null })}
                label={t('intake.uploadHint')}
              />
            ),
          },
        ]}
      />
      <Space wrap align="center">
        <label htmlFor="intake-reference-date">{t('intake.referenceDate')}</label>
        <DatePicker
          id="intake-reference-date"
          allowClear={false}
          value={dayjs(value.referenceDate)}
          onChange={(d) => d && set({ referenceDate: d.format('YYYY-MM-DD') })}
        />
        <Typography.Text type="secondary">{t('intake.referenceDateHelp')}</Typography.Text>
      </Space>
      <Button type="primary" disabled={!ready} loading={props.reading} onClick={props.onRead}>
        {t('intake.read')}
      </Button>
    </Space>
  );
}
