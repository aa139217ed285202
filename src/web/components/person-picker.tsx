import { Select, type SelectProps } from 'antd';
import { useI18n } from '../i18n/use-i18n';

/** A person as the lists of pickable people give them (assignees, owners, agents). */
export interface PersonOption {
  id: string;
  displayName: string;
}

export type PersonPickerProps = Omit<SelectProps<string>, 'options' | 'loading' | 'showSearch' | 'optionFilterProp'> & {
  /** The people to offer (a zone's assignees, a module's owners); undefined while they load. */
  people: readonly PersonOption[] | undefined;
  loading?: boolean;
};

/**
 * The one way the web picks a person (责任人, 负责人, 帮办代办员, …): a select searched by name,
 * clearable unless said otherwise, holding the user's id. The caller fetches whom to offer (the
 * feature's own list of a zone's people) and passes them; a value not among them shows as its id
 * only while the list loads.
 */
export function PersonPicker({ people, loading, placeholder, allowClear = true, ...rest }: PersonPickerProps) {
  const { t } = useI18n();
  return (
    <Select<string>
      showSearch
      optionFilterProp="label"
      allowClear={allowClear}
      placeholder={placeholder ?? t('common.personPlaceholder')}
      {...rest}
      loading={loading}
      options={(people ?? []).map((p) => ({ value: p.id, label: p.displayName }))}
    />
  );
}
