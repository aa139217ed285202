import { useState } from 'react';
import { App, Button, Input, Popconfirm, Select, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { regionScopedRoles, roles, type Role } from '../../../../contract/roles.ts';
import type { User } from '../../../../contract/users.ts';
import { HistoryButton } from '../../../components/history-button';
import { PageHeader } from '../../../components/page-header';
import { RecordHistoryDrawer, type RecordHistoryTarget } from '../../../components/record-history-drawer';
import { useI18n } from '../../../i18n/use-i18n';
import { formatDateTime } from '../../../lib/format-date-time';
import { useSession } from '../../../lib/session-context';
import { useApiErrorHandler } from '../../../lib/use-api-error-handler';
import { useLabels } from '../../../lib/use-labels';
import { useServerPagination } from '../../../lib/use-server-pagination';
import { useUsers, type ListUsersParams } from '../api/list-users';
import { useRegions } from '../api/list-regions';
import { useUpdateUser } from '../api/update-user';
import { GrantLoginModal } from '../components/grant-login-modal';
import { ResetPasswordModal } from '../components/reset-password-modal';
import { UserFormModal } from '../components/user-form-modal';
import { DownloadOutlined } from '@ant-design/icons';
import { userOperations } from '../../../../contract/users.ts';
import { operationUrl } from '../../../lib/api-client';

/**
 * 用户管理: search and filter accounts, create and edit them, reset passwords, deactivate, read
 * history; give a person record an import created (a 包联领导) a login.
 */
export default function UsersPage() {
  const { t, locale } = useI18n();
  const labels = useLabels();
  const { message } = App.useApp();
  const { me } = useSession();
  const handleError = useApiErrorHandler();
  const [params, setParams] = useState<ListUsersParams>({ page: 1, pageSize: 20 });
  const users = useUsers(params);
  const pagination = useServerPagination(params, setParams, users.data?.total);
  const regions = useRegions();
  const updateUser = useUpdateUser();
  const [editing, setEditing] = useState<{ user: User | null } | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const [granting, setGranting] = useState<User | null>(null);
  const [history, setHistory] = useState<RecordHistoryTarget | null>(null);

  const filter = (patch: Partial<ListUsersParams>) => setParams((p) => ({ ...p, ...patch, page: 1 }));
  const zoneName = (id: string) => me.zones.find((z) => z.id === id)?.shortName ?? id.slice(0, 8);
  const regionName = (code: string) => regions.data?.find((r) => r.code === code)?.name ?? code;

  const setActive = (user: User, active: boolean) =>
    updateUser.mutate(
      { id: user.id, version: user.version, active },
      {
        onSuccess: () => message.success(active ? t('users.activated') : t('users.deactivated')),
        onError: (error) => handleError(error, { onReload: () => users.refetch() }),
      },
    );

  const columns: TableColumnsType<User> = [
    {
      title: t('users.username'),
      dataIndex: 'username',
      width: 140,
      // A person record's name is an internal key: say what it is instead.
      render: (username: string, user) =>
        user.signsIn ? (
          username
        ) : (
          <Tooltip title={t('users.personRecordHint')}>
            <Typography.Text type="secondary">{t('users.personRecord')}</Typography.Text>
          </Tooltip>
        ),
    },
    {
      title: t('users.displayName'),
      dataIndex: 'displayName',
      render: (name: string, user) => (
        <span>
          {name}
          {user.title && (
            <Typography.Text type="secondary" style={{ marginLeft: 6, fontSize: 12 }}>
              {user.title}
            </Typography.Text>
          )}
        </span>
      ),
    },
    { title: t('users.role'), dataIndex: 'role', width: 120, render: (role: string) => labels.role(role) },
    {
      title: t('users.zones'),
      key: 'scope',
      render: (_, user) => {
        if (user.role === 'system_admin') return <Tag>{t('shell.allZones')}</Tag>;
        if (regionScopedRoles.includes(user.role)) return user.regionCode ? <Tag color="purple">{regionName(user.regionCode)}</Tag> : null;
        return user.zoneIds.map((id) => <Tag key={id}>{zoneName(id)}</Tag>);
      },
    },
    {
      title: t('users.status'),
      key: 'status',
      width: 130,
      render: (_, user) => (
        <Space size={4} wrap>
          {user.active ? <Tag color="green">{t('users.active')}</Tag> : <Tag>{t('users.inactive')}</Tag>}
          {user.locked && <Tag color="red">{t('users.locked')}</Tag>}
        </Space>
      ),
    },
    { title: t('users.lastLogin'), dataIndex: 'lastLoginAt', width: 170, render: (at: string | null) => formatDateTime(at, locale) },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 260,
      render: (_, user) => (
        <Space size={0} wrap>
          {user.actions.includes('update') && (
            <Button type="link" size="small" onClick={() => setEditing({ user })}>
              {t('common.edit')}
            </Button>
          )}
          {user.actions.includes('grantLogin') && (
            <Button type="link" size="small" onClick={() => setGranting(user)}>
              {t('users.grantLogin')}
            </Button>
          )}
          {user.actions.includes('resetPassword') && (
            <Button type="link" size="small" onClick={() => setResetting(user)}>
              {t('users.resetPassword')}
            </Button>
          )}
          {user.active && user.actions.includes('deactivate') && user.id !== me.user.id && (
            <Popconfirm title={t('users.deactivateConfirm', { name: user.displayName })} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={() => setActive(user, false)}>
              <Button type="link" size="small" danger>
                {t('users.deactivate')}
              </Button>
            </Popconfirm>
          )}
          {!user.active && user.actions.includes('update') && (
            <Popconfirm title={t('users.activateConfirm', { name: user.displayName })} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={() => setActive(user, true)}>
              <Button type="link" size="small">
                {t('users.activate')}
              </Button>
            </Popconfirm>
          )}
          <HistoryButton actions={user.actions} target={{ entityType: 'user', entityId: user.id, name: user.displayName }} onOpen={setHistory} />
        </Space>
      ),
    },
  ];

  return (
    <div>
      <PageHeader
        title={t('users.title')}
        extra={
          <Space wrap>
            <Button icon={<DownloadOutlined />} href={operationUrl(userOperations.export, { query: { q: params.q, role: params.role, zoneId: params.zoneId, active: params.active, signsIn: params.signsIn } })}>
              {t('users.export')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ user: null })}>
              {t('users.create')}
            </Button>
          </Space>
        }
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search allowClear placeholder={t('users.searchPlaceholder')} aria-label={t('users.searchPlaceholder')} style={{ width: 240 }} onSearch={(q) => filter({ q: q.trim() || undefined })} />
        <Select
          allowClear
          aria-label={t('users.filterRole')}
          placeholder={t('users.filterRole')}
          style={{ width: 160 }}
          options={roles.map((r) => ({ value: r, label: labels.role(r) }))}
          onChange={(role?: Role) => filter({ role })}
        />
        <Select
          allowClear
          aria-label={t('users.filterZone')}
          placeholder={t('users.filterZone')}
          style={{ width: 160 }}
          options={me.zones.map((z) => ({ value: z.id, label: z.shortName }))}
          onChange={(zoneId?: string) => filter({ zoneId })}
        />
        <Select
          allowClear
          aria-label={t('users.filterStatus')}
          placeholder={t('users.filterStatus')}
          style={{ width: 120 }}
          options={[
            { value: 'true', label: t('users.active') },
            { value: 'false', label: t('users.inactive') },
          ]}
          onChange={(active?: 'true' | 'false') => filter({ active })}
        />
        <Select
          allowClear
          aria-label={t('users.filterKind')}
          placeholder={t('users.filterKind')}
          style={{ width: 130 }}
          options={[
            { value: 'true', label: t('users.kindAccount') },
            { value: 'false', label: t('users.kindPerson') },
          ]}
          onChange={(signsIn?: 'true' | 'false') => filter({ signsIn })}
        />
      </Space>
      <Table<User>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={users.data?.items}
        loading={users.isFetching}
        pagination={pagination}
      />
      <UserFormModal open={editing !== null} user={editing?.user ?? null} onClose={() => setEditing(null)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
      <GrantLoginModal user={granting} onClose={() => setGranting(null)} />
      <RecordHistoryDrawer target={history} onClose={() => setHistory(null)} />
    </div>
  );
}
