import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Button, Empty, Input, Modal, Spin, Tag, Typography, type InputRef } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { searchOperations, type SearchHit, type SearchKind } from '../../contract/search.ts';
import { callOperation } from '../lib/api-client';
import { useI18n } from '../i18n/use-i18n';

const linkOf: Record<SearchKind, (id: string) => string> = {
  project: (id) => `/projects/${id}`,
  lead: (id) => `/leads/${id}`,
  enterprise: (id) => `/enterprises/${id}`,
  blocker: (id) => `/dispatch/blockers/${id}`,
};
const kindColor: Record<SearchKind, string> = { project: 'blue', lead: 'green', enterprise: 'purple', blocker: 'orange' };

/** Waits until typing pauses, so a search is not sent per keystroke. */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * The header's search: a project, lead, enterprise or blocker by name from anywhere (Ctrl+K or ⌘K).
 * The server searches only what the caller may see; arrows move, Enter opens, Esc closes.
 */
export function GlobalSearch({ compact }: { compact?: boolean }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const inputRef = useRef<InputRef>(null);
  const q = useDebounced(text.trim(), 200);

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const result = useQuery({
    queryKey: ['search', q],
    queryFn: () => callOperation(searchOperations.search, { query: { q } }),
    enabled: open && q.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
  const hits: SearchHit[] = q.length > 0 ? (result.data?.hits ?? []) : [];
  useEffect(() => setActive(0), [q]);

  const go = (hit: SearchHit) => {
    setOpen(false);
    setText('');
    navigate(linkOf[hit.kind](hit.id));
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((i) => Math.min(i + 1, hits.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === 'Enter' && hits[active]) {
      event.preventDefault();
      go(hits[active]);
    }
  };

  return (
    <>
      <Button type="text" icon={<SearchOutlined />} onClick={() => setOpen(true)} aria-label={t('search.open')}>
        {!compact && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('search.open')} Ctrl+K
          </Typography.Text>
        )}
      </Button>
      <Modal
        open={open}
        onCancel={() => setOpen(false)}
        footer={null}
        closable={false}
        title={null}
        destroyOnHidden
        afterOpenChange={(visible) => visible && inputRef.current?.focus()}
        styles={{ body: { padding: 0 } }}
        width={560}
      >
        <Input
          ref={inputRef}
          size="large"
          prefix={<SearchOutlined />}
          placeholder={t('search.placeholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          aria-label={t('search.open')}
          allowClear
          maxLength={64}
        />
        <div role="listbox" aria-label={t('search.results')} style={{ maxHeight: '60vh', overflowY: 'auto', marginTop: 8 }}>
          {q.length === 0 ? (
            <Typography.Paragraph type="secondary" style={{ padding: 12, margin: 0 }}>
              {t('search.hint')}
            </Typography.Paragraph>
          ) : result.isFetching && hits.length === 0 ? (
            <div style={{ padding: 24, textAlign: 'center' }}>
              <Spin />
            </div>
          ) : hits.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('search.none')} />
          ) : (
            hits.map((hit, index) => (
              <div
                key={`${hit.kind}-${hit.id}`}
                role="option"
                aria-selected={index === active}
                onMouseEnter={() => setActive(index)}
                onClick={() => go(hit)}
                style={{ padding: '8px 12px', cursor: 'pointer', borderRadius: 6, background: index === active ? 'rgba(22,119,255,0.08)' : undefined }}
              >
                <Tag color={kindColor[hit.kind]}>{t(`search.kind.${hit.kind}`)}</Tag>
                <Typography.Text strong>{hit.title}</Typography.Text>
                {(hit.subtitle || hit.zoneName) && (
                  <div style={{ marginLeft: 4, fontSize: 12 }}>
                    <Typography.Text type="secondary">{[hit.subtitle, hit.zoneName].filter(Boolean).join(' · ')}</Typography.Text>
                  </div>
                )}
              </div>
            ))
          )}
        </div>
      </Modal>
    </>
  );
}
