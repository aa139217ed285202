import { TreeSelect } from 'antd';
import { useI18n } from '../../../i18n/use-i18n';
import { useIndustries } from '../api/list-industries';

/**
 * GB/T 4754 by name: sections (门类) with their divisions (大类). An enterprise's industry is a
 * division, so in a form (`divisionsOnly`) a section only opens its list and cannot be picked; as a
 * list filter a whole section can be.
 */
export function IndustrySelect({
  value,
  onChange,
  divisionsOnly,
  placeholder,
  style,
  id,
}: {
  value?: string | null;
  onChange?: (code: string | undefined) => void;
  divisionsOnly?: boolean;
  placeholder?: string;
  style?: React.CSSProperties;
  id?: string;
}) {
  const { locale } = useI18n();
  const industries = useIndustries();
  return (
    <TreeSelect
      id={id}
      allowClear
      showSearch
      placeholder={placeholder}
      style={style}
      value={value ?? undefined}
      onChange={(code) => onChange?.(code ?? undefined)}
      loading={industries.isLoading}
      treeNodeFilterProp="title"
      popupMatchSelectWidth={false}
      treeData={(industries.data ?? []).map((s) => ({
        value: s.code,
        title: `${s.code} ${locale === 'en-US' ? s.nameEn : s.name}`,
        selectable: !divisionsOnly,
        children: s.divisions.map(([code, name]) => ({ value: code, title: `${code} ${name}` })),
      }))}
    />
  );
}
