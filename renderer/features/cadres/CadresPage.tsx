// 干部名册: every cadre with derived status, filtered in the renderer and virtualized (50,000 rows).
// The filters live in the route query so a reload or a shared link keeps them.
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cadreStatuses } from '../../../shared/domain/status';
import { cadreCategories } from '../../../shared/domain/records';
import type { CadreRow } from '../../../shared/contract';
import type { PageProps } from '../../app/routes';
import { navigate } from '../../app/router';
import { useViewportHeight } from '../../app/useViewportHeight';
import { useQuery } from '../../db/cache';
import { pick } from '../../i18n';
import { filterCadres, filterKeys, peerGroupsOf, type CadreFilter } from './filter';

export const statusColor: Record<string, string> = {
  inPost: 'green',
  probation: 'orange',
  transitional: 'volcano',
  exited: 'default',
};

function toQuery(f: CadreFilter): string {
  const p = new URLSearchParams();
  for (const k of filterKeys) if (f[k]) p.set(k, f[k]!);
  const s = p.toString();
  return s ? `/cadres?${s}` : '/cadres';
}

export default function CadresPage({ query }: PageProps) {
  const { t, i18n } = useTranslation('cadres');
  const td = useTranslation('domain').t;
  const tc = useTranslation('app').t;
  const cadres = useQuery('cadres.list', {});
  const units = useQuery('units.list', {});
  const height = useViewportHeight();

  const filter: CadreFilter = useMemo(
    () => Object.fromEntries(filterKeys.filter((k) => query[k]).map((k) => [k, query[k]])),
    [query],
  );
  const setFilter = (patch: Partial<CadreFilter>) => navigate(toQuery({ ...filter, ...patch }), { replace: true });

  // The search box updates the query after a short pause, not on every key.
  const [q, setQ] = useState(filter.q ?? '');
  useEffect(() => setQ(filter.q ?? ''), [filter.q]);
  useEffect(() => {
    if (q === (filter.q ?? '')) return;
    const h = setTimeout(() => setFilter({ q: q || undefined }), 200);
    return () => clearTimeout(h);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q]);

  const unitName = useMemo(() => new Map((units.data ?? []).map((u) => [u.id, u.name])), [units.data]);
  const all = cadres.data ?? [];
  const rows = useMemo(() => filterCadres(all, filter), [all, filter]);
  const peerGroups = useMemo(() => peerGroupsOf(all), [all]);
  const hasFilter = filterKeys.some((k) => filter[k]);

  return (
    <Card
      styles={{ body: { paddingBottom: 8 } }}
      title={<Typography.Title level={4} style={{ margin: 0 }}>{t('title')}</Typography.Title>}
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          data-testid="cadre-new"
          onClick={() => navigate(filter.unit ? `/cadres/new?unit=${encodeURIComponent(filter.unit)}` : '/cadres/new')}
        >
          {t('newCadre')}
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('searchPlaceholder')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onSearch={(v) => setFilter({ q: v || undefined })}
          style={{ width: 220 }}
          data-testid="cadre-search"
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('filter.unit')}
          style={{ width: 200 }}
          value={filter.unit}
          onChange={(v) => setFilter({ unit: v })}
          options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          data-testid="filter-unit"
        />
        <Select
          allowClear
          showSearch
          placeholder={t('filter.peerGroup')}
          style={{ width: 180 }}
          value={filter.peerGroup}
          onChange={(v) => setFilter({ peerGroup: v })}
          options={peerGroups.map((g) => ({ value: g, label: g }))}
          data-testid="filter-peer-group"
        />
        <Select
          allowClear
          placeholder={t('filter.category')}
          style={{ width: 160 }}
          value={filter.category}
          onChange={(v) => setFilter({ category: v })}
          options={cadreCategories.map((c) => ({ value: c, label: td(`category.${c}`) }))}
          data-testid="filter-category"
        />
        <Select
          allowClear
          placeholder={t('filter.status')}
          style={{ width: 160 }}
          value={filter.status}
          onChange={(v) => setFilter({ status: v })}
          options={cadreStatuses.map((s) => ({ value: s, label: td(`status.${s}`) }))}
          data-testid="filter-status"
        />
        {hasFilter && <Button onClick={() => navigate('/cadres', { replace: true })}>{t('filter.clear')}</Button>}
        <Typography.Text type="secondary" data-testid="cadre-count">
          {hasFilter ? tc('common.showing', { shown: rows.length, total: all.length }) : tc('common.total', { count: all.length })}
        </Typography.Text>
      </Space>
      {cadres.error && (
        <Alert type="error" showIcon title={pick(cadres.error.bilingual, i18n.language)} style={{ marginBottom: 12 }} />
      )}
      <Table<CadreRow>
        data-testid="cadre-table"
        virtual
        rowKey="id"
        size="small"
        loading={cadres.loading && !cadres.data}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1050, y: Math.max(240, height - 290) }}
        locale={{ emptyText: t('empty') }}
        onRow={(c) => ({
          onClick: () => navigate(`/cadres/${encodeURIComponent(c.id)}`),
          style: { cursor: 'pointer' },
          'data-testid': `cadre-row-${c.id}`,
        } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { title: t('field.id'), dataIndex: 'id', width: 125, ellipsis: true, sorter: (a, b) => a.id.localeCompare(b.id) },
          {
            title: t('field.name'),
            dataIndex: 'name',
            width: 100,
            ellipsis: true,
            sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
            render: (name: string) => <Typography.Link>{name}</Typography.Link>,
          },
          {
            title: t('field.unitId'),
            dataIndex: 'unitId',
            width: 160,
            ellipsis: true,
            render: (id: string) => unitName.get(id) ?? id,
          },
          { title: t('field.peerGroup'), dataIndex: 'peerGroup', width: 130, ellipsis: true },
          { title: t('field.position'), dataIndex: 'position', width: 135, ellipsis: true },
          { title: t('field.rankLevel'), dataIndex: 'rankLevel', width: 90, ellipsis: true },
          {
            title: t('field.category'),
            dataIndex: 'category',
            width: 130,
            ellipsis: true,
            render: (c: string) => td(`category.${c}`),
          },
          {
            title: t('field.leader'),
            dataIndex: 'leader',
            width: 70,
            render: (l: boolean) => (l ? tc('common.yes') : tc('common.no')),
          },
          {
            title: t('field.status'),
            dataIndex: 'status',
            width: 110,
            render: (s: string) => <Tag color={statusColor[s]}>{td(`status.${s}`)}</Tag>,
          },
        ]}
      />
    </Card>
  );
}
