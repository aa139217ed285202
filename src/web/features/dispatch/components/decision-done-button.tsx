import { App, Button } from 'antd';
import type { Decision } from '../../../../contract/dispatch.ts';
import { useI18n } from '../../../i18n/use-i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error-handler';
import { useUpdateDecision } from '../api/update-decision';

/** 办结: marks an open decision done with the version read; shown only when the caller may update it. */
export function DecisionDoneButton({ decision, onReload }: { decision: Decision; onReload: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const update = useUpdateDecision();
  if (decision.status !== 'open' || !decision.actions.includes('update')) return null;
  return (
    <Button
      size="small"
      type="link"
      loading={update.isPending}
      onClick={() =>
        update.mutate(
          { id: decision.id, version: decision.version, status: 'done' },
          { onSuccess: () => message.success(t('common.saved')), onError: (error) => handleError(error, { onReload }) },
        )
      }
    >
      {t('meeting.decisionDone')}
    </Button>
  );
}
