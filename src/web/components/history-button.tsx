import { Button } from 'antd';
import { useI18n } from '../i18n/use-i18n';
import type { RecordHistoryTarget } from './record-history-drawer';

/** 历史: a table row's link to its record's history, shown only when the server lists `history` in its actions. */
export function HistoryButton({
  actions,
  target,
  onOpen,
}: {
  actions: readonly string[];
  target: RecordHistoryTarget;
  onOpen: (target: RecordHistoryTarget) => void;
}) {
  const { t } = useI18n();
  if (!actions.includes('history')) return null;
  return (
    <Button type="link" size="small" onClick={() => onOpen(target)}>
      {t('common.history')}
    </Button>
  );
}
