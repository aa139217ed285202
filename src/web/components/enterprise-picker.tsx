import { useEffect, useState } from 'react';
import { Select, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { enterpriseOperations } from '../../contract/enterprises.ts';
import { useI18n } from '../i18n/use-i18n';
import { callOperation } from '../lib/api-client';

/** An enterprise as the picker shows it; callers that already know the current one pass it as `current`. */
export interface EnterpriseChoice {
  id: string;
  name: string;
  creditCode?: string | null;
}

export interface EnterprisePickerProps {
  /** The chosen enterprise's id (Form.Item passes it). */
  value?: string | null;
  onChange?: (id: string | undefined) => void;
  /** The current value's name and code, when the caller has them: shown before any search, saving a request. */
  current?: EnterpriseChoice | null;
  /** Enterprises to offer first, before anything is typed (an import's best matches for a name). */
  suggested?: EnterpriseChoice[];
  /** Offers "新建企业" with what was typed; the caller registers it and then sets the value. */
  onCreate?: (typed: string) => void;
  id?: string;
  placeholder?: string;
  disabled?: boolean;
  allowClear?: boolean;
  'data-testid'?: string;
}

const pageSize = 20;
const debounceMs = 300;
/** The option value of the "新建企业" entry; never a real id (ids are uuids). */
const createEntry = '__create_enterprise__';

const strings = {
  'zh-CN': { placeholder: '输入企业名称或统一社会信用代码搜索', create: (q: string) => (q ? `新建企业“${q}”` : '新建企业'), none: '没有匹配的企业' },
  'en-US': {
    placeholder: 'Search by name or credit code',
    create: (q: string) => (q ? `New enterprise "${q}"` : 'New enterprise'),
    none: 'No matching enterprise',
  },
};

function useDebouncedValue<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

const choiceLabel = (e: EnterpriseChoice) => (e.creditCode ? `${e.name} · ${e.creditCode}` : e.name);

/**
 * 企业选择: the one enterprise picker of the web. Searches the enterprise library by name or credit code
 * as the user types (debounced; the first page when the list opens), shows name and code on two lines so
 * it reads on a phone, is a plain Select for the keyboard (arrows, Enter, Esc), and keeps showing the
 * current enterprise's name when a form is edited. With `onCreate`, the last entry registers a new one.
 */
export function EnterprisePicker({ value, onChange, current, suggested, onCreate, id, placeholder, disabled, allowClear = true, ...rest }: EnterprisePickerProps) {
  const { locale } = useI18n();
  const s = strings[locale === 'en-US' ? 'en-US' : 'zh-CN'];
  const [typed, setTyped] = useState('');
  const [open, setOpen] = useState(false);
  const q = useDebouncedValue(typed.trim(), debounceMs);

  const search = useQuery({
    queryKey: ['enterprises', 'picker', q],
    queryFn: async () => (await callOperation(enterpriseOperations.list, { query: { q: q || undefined, pageSize } })).items,
    enabled: open || q !== '',
    placeholderData: keepPreviousData,
  });
  const found = search.data ?? [];

  // The current value's name: from the caller, the search results, or one read of the enterprise.
  const known = value ? (current?.id === value ? current : (found.find((e) => e.id === value) ?? suggested?.find((e) => e.id === value))) : undefined;
  const fetched = useQuery({
    queryKey: ['enterprises', 'picker-one', value],
    queryFn: () => callOperation(enterpriseOperations.get, { params: { id: value! } }),
    enabled: Boolean(value) && !known,
    staleTime: 60_000,
  });
  const selected = known ?? fetched.data;

  // Nothing typed: the suggestions first, then the first page; typed: what the search found.
  const choices: EnterpriseChoice[] = q === '' && suggested?.length ? [...suggested, ...found.filter((e) => !suggested.some((x) => x.id === e.id))] : [...found];
  if (value && selected && !choices.some((e) => e.id === value)) choices.unshift(selected);
  const options = choices.map((e) => ({ value: e.id, label: choiceLabel(e), enterprise: e }));
  if (onCreate) options.push({ value: createEntry, label: s.create(typed.trim()), enterprise: { id: createEntry, name: '' } });

  return (
    <Select
      {...rest}
      id={id}
      showSearch={{ filterOption: false, onSearch: setTyped, searchValue: typed }}
      allowClear={allowClear}
      disabled={disabled}
      style={{ width: '100%' }}
      placeholder={placeholder ?? s.placeholder}
      loading={search.isFetching}
      value={value || undefined}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setTyped(''); // the search box starts empty next time (rc-select does not report a blur)
      }}
      notFoundContent={search.isFetching ? undefined : s.none}
      options={options}
      // Until the current enterprise's name has arrived, an ellipsis rather than its id.
      labelRender={({ value: chosen }) => {
        const e = choices.find((c) => c.id === chosen);
        return e ? choiceLabel(e) : '…';
      }}
      optionRender={(option) => {
        const e = option.data.enterprise;
        if (e.id === createEntry)
          return (
            <Typography.Text type="secondary" data-testid="enterprise-picker-create">
              <PlusOutlined /> {option.data.label}
            </Typography.Text>
          );
        return (
          <div style={{ lineHeight: 1.35, whiteSpace: 'normal' }}>
            <div>{e.name}</div>
            {e.creditCode && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {e.creditCode}
              </Typography.Text>
            )}
          </div>
        );
      }}
      onChange={(next: string | undefined) => {
        if (next === createEntry) {
          onCreate?.(typed.trim());
          return;
        }
        onChange?.(next);
        setTyped('');
      }}
    />
  );
}
