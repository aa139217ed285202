import { useState } from 'react';
import { DetailBreadcrumb } from '../../../components/detail-breadcrumb';
import { Alert, App, Button, Descriptions, Flex, Input, Modal, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { useI18n } from '../../../i18n/use-i18n';
import { formatDateTime } from '../../../lib/format-date-time';
import { useApiErrorHandler } from '../../../lib/use-api-error-handler';
import { useEscalateBlocker } from '../api/escalate-blocker';
import { useBlocker } from '../api/get-blocker';
import { useReopenBlocker } from '../api/reopen-blocker';
import { useResolveBlocker } from '../api/resolve-blocker';
import { reminderUrl } from '../api/download-urls';
import { BlockerEditDrawer } from '../components/blocker-edit-drawer';
import { BlockerReassignModal } from '../components/blocker-reassign-modal';
import { overdueText } from '../components/overdue-text';
import { levelColors, statusColors, useDispatchLabels } from '../components/use-dispatch-labels';

/** One blocker: its facts, the actions the caller may take, and its timeline. */
export default function BlockerDetailPage() {
  const { id = '' } = useParams();
  const { t, tryT, locale } = useI18n();
  const label = useDispatchLabels();
  const navigate = useNavigate();
  const { modal, message } = App.useApp();
  const handleError = useApiErrorHandler();
  const blocker = useBlocker(id);
  const escalate = useEscalateBlocker();
  const resolve = useResolveBlocker();
  const reopen = useReopenBlocker();
  const [textAction, setTextAction] = useState<'resolve' | 'reopen' | null>(null);
  const [text, setText] = useState('');
  const [editing, setEditing] = useState<'edit' | 'reassign' | null>(null);

  if (blocker.isPending) return <Skeleton active />;
  if (blocker.isError) return <Alert type="error" showIcon title={blocker.error.message} />;
  const b = blocker.data;
  const done = () => message.success(t('common.saved'));
  const onError = (error: Error) => handleError(error, { onReload: () => blocker.refetch() });

  const submitText = () => {
    const options = {
      onSuccess: () => {
        setTextAction(null);
        setText('');
        done();
      },
      onError,
    };
    if (textAction === 'resolve') resolve.mutate({ id, version: b.version, resolution: text }, options);
    if (textAction === 'reopen') reopen.mutate({ id, version: b.version, reason: text }, options);
  };

  return (
    <div>
      <DetailBreadcrumb trail={[{ label: t('menu.blockers'), to: '/dispatch/blockers' }]} current={b.title} />
      <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
        <Space>
          <Button onClick={() => navigate('/dispatch/blockers')}>{t('dispatch.back')}</Button>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {b.title}
          </Typography.Title>
          <Tag color={levelColors[b.level]}>{label('level', b.level)}</Tag>
          <Tag color={statusColors[b.status]}>{label('status', b.status)}</Tag>
          {b.overdue && <Tag color="red">{overdueText(t, b)}</Tag>}
        </Space>
        <Space>
          {b.actions.includes('update') && <Button onClick={() => setEditing('edit')}>{t('dispatch.edit')}</Button>}
          {b.actions.includes('update') && <Button onClick={() => setEditing('reassign')}>{t('dispatch.reassign')}</Button>}
          {b.actions.includes('escalate') && (
            <Button
              danger
              loading={escalate.isPending}
              onClick={() =>
                modal.confirm({ title: t('dispatch.escalateConfirm'), onOk: () => escalate.mutateAsync({ id, version: b.version }).then(done, onError) })
              }
            >
              {t('dispatch.escalate')}
            </Button>
          )}
          {b.actions.includes('resolve') && (
            <Button type="primary" onClick={() => setTextAction('resolve')}>
              {t('dispatch.resolve')}
            </Button>
          )}
          {b.actions.includes('reopen') && <Button onClick={() => setTextAction('reopen')}>{t('dispatch.reopen')}</Button>}
          {b.actions.includes('reminder') && <Button href={reminderUrl(id)}>{t('dispatch.reminder')}</Button>}
        </Space>
      </Flex>
      <Descriptions bordered size="small" column={2} style={{ marginBottom: 24 }}>
        <Descriptions.Item label={t('dispatch.project')}>{b.projectName ?? b.leadName ?? t('common.none')}</Descriptions.Item>
        <Descriptions.Item label={t('dispatch.category')}>{label('category', b.category)}</Descriptions.Item>
        <Descriptions.Item label={t('dispatch.raisedOn')}>
          {b.raisedOn} · {b.raisedByName}
        </Descriptions.Item>
        <Descriptions.Item label={t('dispatch.deadlineOn')}>{b.deadlineOn}</Descriptions.Item>
        <Descriptions.Item label={t('dispatch.department')}>{b.departmentName ?? t('common.none')}</Descriptions.Item>
        <Descriptions.Item label={t('dispatch.responsible')}>{b.responsibleName ?? t('common.none')}</Descriptions.Item>
        <Descriptions.Item label={t('dispatch.owner')}>{b.ownerName ?? t('common.none')}</Descriptions.Item>
        <Descriptions.Item label={t('dispatch.level')}>
          {label('level', b.level)} ({b.levelSince})
        </Descriptions.Item>
        {b.description && (
          <Descriptions.Item label={t('dispatch.description')} span={2}>
            {b.description}
          </Descriptions.Item>
        )}
        {b.resolution && (
          <Descriptions.Item label={t('dispatch.resolution')} span={2}>
            {b.resolvedOn} · {b.resolution}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Typography.Title level={5}>{t('dispatch.timeline')}</Typography.Title>
      <Timeline
        items={b.events.map((e) => ({
          key: e.id,
          color: e.kind === 'escalated' ? 'red' : e.kind === 'resolved' ? 'green' : 'blue',
          content: (
            <div data-testid="blocker-event">
              <Space wrap>
                <Tag>{tryT(`dispatch.event.${e.kind}`) ?? e.kind}</Tag>
                {e.kind === 'escalated' && e.fromValue && e.toValue && (
                  <span>
                    {label('level', e.fromValue)} → {label('level', e.toValue)}
                  </span>
                )}
                {e.automatic && <Tag color="purple">{t('dispatch.auto')}</Tag>}
                <Typography.Text type="secondary">
                  {e.on} · {e.actorName} · {formatDateTime(e.at, locale)}
                </Typography.Text>
              </Space>
              {e.note && <div>{e.note}</div>}
            </div>
          ),
        }))}
      />
      {b.actions.includes('update') && (
        <>
          <BlockerEditDrawer blocker={b} open={editing === 'edit'} onClose={() => setEditing(null)} onReload={() => blocker.refetch()} />
          <BlockerReassignModal blocker={b} open={editing === 'reassign'} onClose={() => setEditing(null)} onReload={() => blocker.refetch()} />
        </>
      )}
      <Modal
        open={textAction !== null}
        title={textAction === 'resolve' ? t('dispatch.resolve') : t('dispatch.reopen')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        onOk={submitText}
        onCancel={() => setTextAction(null)}
        confirmLoading={resolve.isPending || reopen.isPending}
      >
        <Input.TextArea
          aria-label={textAction === 'resolve' ? t('dispatch.resolution') : t('dispatch.reopenReason')}
          rows={4}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={textAction === 'resolve' ? t('dispatch.resolution') : t('dispatch.reopenReason')}
        />
      </Modal>
    </div>
  );
}
