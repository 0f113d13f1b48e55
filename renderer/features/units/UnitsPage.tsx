// Units (单位): list with cadre counts, search, create and edit. A ledger holding several offices
// (the New Area) lists each unit's township and shows the header's office scope.
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Input, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitRow } from '../../../shared/contract';
import { useOfficeScope } from '../../app/officeScope';
import { OfficeScopeFilter } from '../../app/OfficeScopeSelect';
import type { PageProps } from '../../app/routes';
import { hrefOf, navigate } from '../../app/router';
import { useQuery } from '../../db/cache';
import { pick } from '../../i18n';
import { useCan } from '../session/store';
import { UnitFormModal } from './UnitFormModal';

export default function UnitsPage(_: PageProps) {
  const { t, i18n } = useTranslation('units');
  const tc = useTranslation('app').t;
  const units = useQuery('units.list', {});
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<UnitRow | 'new' | null>(null);
  // The reviewer reads the units but enters none (the core refuses it anyway).
  const canWrite = useCan()('ledger.write');
  // The header's office scope: one township's units, or all (filtered here, on each row's office).
  const { office, several, nameOf, entry } = useOfficeScope();

  const rows = useMemo(() => {
    const q = search.trim().toLowerCase();
    const all = (units.data ?? []).filter((u) => !office || u.office === office);
    return q ? all.filter((u) => u.name.toLowerCase().includes(q) || u.id.toLowerCase().includes(q)) : all;
  }, [units.data, search, office]);

  return (
    <Card
      title={<Typography.Title level={4} style={{ margin: 0 }}>{t('title')}</Typography.Title>}
      extra={
        <Space>
          {several && <OfficeScopeFilter testId="unit-filter-office" />}
          <Input.Search
            allowClear
            placeholder={t('searchPlaceholder')}
            onChange={(e) => setSearch(e.target.value)}
            style={{ width: 240 }}
            data-testid="unit-search"
          />
          {canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="unit-new">
              {t('newUnit')}
            </Button>
          )}
        </Space>
      }
    >
      {units.error && <Alert type="error" showIcon title={pick(units.error.bilingual, i18n.language)} style={{ marginBottom: 16 }} />}
      <Table<UnitRow>
        data-testid="unit-table"
        rowKey="id"
        size="middle"
        loading={units.loading && !units.data}
        dataSource={rows}
        pagination={{ pageSize: 50, showSizeChanger: false, showTotal: (n) => tc('common.total', { count: n }) }}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={
                search.trim()
                  ? t('emptySearch', { q: search.trim() })
                  : entry
                    ? tc(entry.self ? 'scope.noUnitsSelf' : 'scope.noUnits', { name: entry.name })
                    : t('empty')
              } />,
        }}
        onRow={(u) => ({ 'data-testid': 'unit-row', 'data-office': u.office }) as never}
        columns={[
          { title: t('id'), dataIndex: 'id', width: 140, sorter: (a, b) => a.id.localeCompare(b.id) },
          ...(several
            ? [
                {
                  title: t('office'),
                  dataIndex: 'office',
                  width: 160,
                  sorter: (a: UnitRow, b: UnitRow) => a.office.localeCompare(b.office),
                  render: (code: string) => <span className="cell-nowrap">{nameOf(code)}</span>,
                },
              ]
            : []),
          { title: t('name'), dataIndex: 'name', sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN') },
          {
            title: t('cadreCount'),
            dataIndex: 'cadreCount',
            width: 120,
            align: 'right',
            sorter: (a, b) => a.cadreCount - b.cadreCount,
            render: (n: number, u) => <a href={hrefOf(`/cadres?unit=${encodeURIComponent(u.id)}`)}>{n}</a>,
          },
          ...(!canWrite ? [] : [{
            title: tc('common.actions'),
            width: 220,
            render: (_: unknown, u: UnitRow) => (
              <Space>
                <Button size="small" onClick={() => setEditing(u)} data-testid={`unit-edit-${u.id}`}>
                  {tc('common.edit')}
                </Button>
                <Button size="small" onClick={() => navigate(`/cadres/new?unit=${encodeURIComponent(u.id)}`)}>
                  {t('addCadre')}
                </Button>
              </Space>
            ),
          }]),
        ]}
      />
      {editing && (
        <UnitFormModal
          unit={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void units.refetch();
          }}
        />
      )}
    </Card>
  );
}
