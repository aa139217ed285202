import { useMemo, useState } from 'react';
import { Button, Card, Input, Popover, Progress, Select, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { projectFlags, projectLevels, projectStages, type ProjectListItem } from '../../../../contract/projects.ts';
import { useCurrentZone } from '../../../lib/current-zone-context';
import { useSession } from '../../../lib/session-context';
import { useUrlParams } from '../../../lib/use-url-params';
import { useProjects } from '../api/list-projects';
import { useZonesWithParks } from '../api/list-zones';
import { DispatchExportButton } from '../components/dispatch-export-button';
import { FlagTag } from '../components/flag-tag';
import { Money } from '../components/money';
import { useProjectsI18n } from '../i18n';

type Filters = Record<string, string | undefined>;
const filterKeys = ['stage', 'level', 'flag', 'parkId', 'sector', 'immediateStart', 'responsibility', 'q'] as const;
const listDefaults = {
  ...(Object.fromEntries(filterKeys.map((k) => [k, ''])) as Record<(typeof filterKeys)[number], string>),
  page: 1,
  pageSize: 20,
  sort: 'updatedAt',
  order: 'desc',
};
const savedKey = 'zonedesk.projects.savedFilters';
const loadSaved = (): { name: string; filters: Filters }[] => {
  try {
    return JSON.parse(localStorage.getItem(savedKey) ?? '[]');
  } catch {
    return [];
  }
};

/** 项目管理: filter, sort and page the projects of the zones the user covers. */
export default function ProjectsListPage() {
  const { t } = useProjectsI18n();
  const { zoneId } = useCurrentZone();
  const { hasPermission } = useSession();
  const navigate = useNavigate();
  // Filters, sort and page live in the address (useUrlParams), so reload, back and a sent link show
  // the same list; a link from the 驾驶舱 (/projects?stage=started, ?flag=red) opens it filtered.
  const [url, setUrl] = useUrlParams(listDefaults);
  const filters: Filters = Object.fromEntries(filterKeys.map((k) => [k, url[k] || undefined]));
  const page = { page: url.page, pageSize: url.pageSize, sort: url.sort, order: url.order };
  const setFilters = (next: Filters) => setUrl(Object.fromEntries(filterKeys.map((k) => [k, next[k] ?? ''])));
  const [saved, setSaved] = useState(loadSaved);
  const [filterName, setFilterName] = useState('');

  const params = useMemo(
    () => ({
      ...Object.fromEntries(filterKeys.map((k) => [k, url[k] || undefined])),
      page: url.page,
      pageSize: url.pageSize,
      sort: url.sort,
      order: url.order,
      zoneId: zoneId ?? undefined,
    }),
    [url, zoneId],
  );
  const list = useProjects(params);
  const set = (key: string) => (value: string | undefined) => setUrl({ [key]: value ?? '' });
  const zonesWithParks = useZonesWithParks();
  const parks = (zonesWithParks.data ?? []).filter((z) => !zoneId || z.id === zoneId).flatMap((z) => z.parks);

  const saveFilter = () => {
    const next = [...saved.filter((s) => s.name !== filterName), { name: filterName, filters }];
    localStorage.setItem(savedKey, JSON.stringify(next));
    setSaved(next);
    setFilterName('');
  };

  const columns: TableProps<ProjectListItem>['columns'] = [
    { title: t('field.flag'), dataIndex: 'flag', key: 'flag', width: 80, sorter: true, render: (_, p) => <FlagTag flag={p.flag} reasons={p.flagReasons} /> },
    {
      title: t('field.name'),
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      render: (_, p) => (
        <>
          <Link to={`/projects/${p.id}`}>{p.name}</Link>
          {p.immediateStart && (
            <Tag color="green" style={{ marginInlineStart: 6 }} data-testid="immediate-start">
              {t('phase.immediate')}
            </Tag>
          )}
        </>
      ),
    },
    ...(zoneId ? [] : [{ title: t('field.zone'), dataIndex: 'zoneName', key: 'zone', width: 110 }]),
    { title: t('field.stage'), dataIndex: 'stage', key: 'stage', width: 90, sorter: true, render: (_, p) => <Tag>{t(`stage.${p.stage}`)}</Tag> },
    { title: t('field.level'), dataIndex: 'level', key: 'level', width: 90, render: (_, p) => t(`level.${p.level}`) },
    { title: t('column.total'), key: 'totalInvestment', align: 'right', sorter: true, render: (_, p) => <Money yuan={p.totalInvestmentYuan} /> },
    { title: t('field.invested'), key: 'investedTotal', align: 'right', sorter: true, render: (_, p) => <Money yuan={p.investedTotalYuan} /> },
    {
      title: t('field.pctPlan'),
      key: 'pctPlan',
      width: 120,
      render: (_, p) =>
        p.percentOfAnnualPlan == null ? (
          '—'
        ) : (
          <Progress percent={Math.min(100, p.percentOfAnnualPlan)} size="small" format={() => `${p.percentOfAnnualPlan}%`} />
        ),
    },
    { title: t('field.leader'), key: 'leader', width: 90, render: (_, p) => p.leader?.name ?? '—' },
    { title: t('field.officer'), key: 'officer', width: 90, render: (_, p) => p.officer?.name ?? '—' },
  ];

  const option = (prefix: 'stage' | 'level' | 'flag') => (v: string) => ({ value: v, label: t(`${prefix}.${v}` as never) });

  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('list.title')}
        </Typography.Title>
        <Space>
          <DispatchExportButton zoneId={zoneId} />
          {hasPermission('project.import') && (
            <Button icon={<UploadOutlined />} onClick={() => navigate('/projects/import-dispatch')} data-testid="sheet-import">
              {t('sheet.import')}
            </Button>
          )}
          {hasPermission('project.create') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/projects/new')}>
              {t('list.new')}
            </Button>
          )}
        </Space>
      </Space>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap>
          <Input.Search allowClear defaultValue={filters.q} placeholder={t('list.search')} style={{ width: 200 }} onSearch={set('q')} />
          <Select
            allowClear
            placeholder={t('field.stage')}
            style={{ width: 110 }}
            value={filters.stage}
            onChange={set('stage')}
            options={projectStages.map(option('stage'))}
          />
          <Select
            allowClear
            placeholder={t('field.level')}
            style={{ width: 110 }}
            value={filters.level}
            onChange={set('level')}
            options={projectLevels.map(option('level'))}
          />
          <Select
            allowClear
            placeholder={t('field.flag')}
            style={{ width: 100 }}
            value={filters.flag}
            onChange={set('flag')}
            options={projectFlags.map(option('flag'))}
            data-testid="filter-flag"
          />
          {parks.length > 0 && (
            <Select
              allowClear
              placeholder={t('field.park')}
              style={{ width: 140 }}
              value={filters.parkId}
              onChange={set('parkId')}
              options={parks.map((p) => ({ value: p.id, label: p.name }))}
            />
          )}
          <Input allowClear placeholder={t('field.sector')} style={{ width: 110 }} value={filters.sector} onChange={(e) => set('sector')(e.target.value)} />
          <Select
            allowClear
            placeholder={t('phase.immediate')}
            style={{ width: 130 }}
            value={filters.immediateStart}
            onChange={set('immediateStart')}
            options={[
              { value: 'true', label: t('list.immediateYes') },
              { value: 'false', label: t('list.immediateNo') },
            ]}
            data-testid="filter-immediate"
          />
          <Select
            allowClear
            placeholder={t('detail.responsibility')}
            style={{ width: 120 }}
            value={filters.responsibility}
            onChange={set('responsibility')}
            options={[
              { value: 'mine', label: t('list.mine') },
              { value: 'led', label: t('list.led') },
            ]}
          />
          <Popover
            trigger="click"
            content={
              <Space.Compact>
                <Input value={filterName} placeholder={t('list.filterName')} onChange={(e) => setFilterName(e.target.value)} />
                <Button disabled={!filterName} onClick={saveFilter}>
                  {t('list.saveFilter')}
                </Button>
              </Space.Compact>
            }
          >
            <Button>{t('list.saveFilter')}</Button>
          </Popover>
          {saved.length > 0 && (
            <Select
              placeholder={t('list.savedFilters')}
              style={{ width: 140 }}
              onChange={(name) => setFilters(saved.find((s) => s.name === name)?.filters ?? {})}
              options={saved.map((s) => ({ value: s.name, label: s.name }))}
            />
          )}
        </Space>
      </Card>
      <Table<ProjectListItem>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        // The header shows the sort read from the address.
        columns={columns.map((c) => (c.sorter ? { ...c, sortOrder: c.key === url.sort ? (url.order === 'asc' ? 'ascend' : 'descend') : null } : c))}
        scroll={{ x: 1000 }}
        onChange={(pagination, _f, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          setUrl({
            page: pagination.current ?? 1,
            pageSize: pagination.pageSize ?? 20,
            sort: s?.order ? String(s.columnKey) : 'updatedAt',
            order: s?.order === 'ascend' ? 'asc' : 'desc',
          });
        }}
        pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total ?? 0, showSizeChanger: true }}
      />
    </div>
  );
}
