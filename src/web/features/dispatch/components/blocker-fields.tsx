import { Form, Input, Select } from 'antd';
import { blockerCategories } from '../../../../contract/dispatch-enums.ts';
import { useI18n } from '../../../i18n/use-i18n';
import { useDispatchLabels } from './use-dispatch-labels';

/** A blocker's title and category, with the same rules when it is raised and when it is edited. */
export function BlockerTitleAndCategoryFields() {
  const { t } = useI18n();
  const label = useDispatchLabels();
  const required = { required: true, message: t('validation.required') };
  return (
    <>
      <Form.Item name="title" label={t('dispatch.title')} rules={[required, { min: 2, message: t('validation.tooShort', { min: 2 }) }]}>
        <Input maxLength={120} />
      </Form.Item>
      <Form.Item name="category" label={t('dispatch.category')} rules={[required]}>
        <Select showSearch optionFilterProp="label" options={blockerCategories.map((c) => ({ value: c, label: label('category', c) }))} />
      </Form.Item>
    </>
  );
}
