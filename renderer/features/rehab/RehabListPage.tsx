// 帮扶计划 (/rehab): every rehabilitation plan with its status, assignment, mentor, next check-in and
// eligibility to rise again — as the core judges them for the header's month. Filters live in the
// address (a reload keeps them); the list exports to Excel through the core.
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Empty, Input, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanFilters, PlanRow } from '../../../shared/contract/rehab';
import { rehabAssignments, rehabStatuses } from '../../../shared/domain/records';
import { api } from '../../api/client';
import { useAsOf } from '../../app/asOf';
import { unitOptionsOf, useOfficeScope } from '../../app/officeScope';
import { OfficeScopeTag, useScopeEmpty } from '../../app/OfficeScopeNote';
import { saveBase64 } from '../../app/download';
import type { PageProps } from '../../app/routes';
import { hrefOf, navigate } from '../../app/router';
import { useQuery } from '../../db/cache';
import { pick } from '../../i18n';
import { KeepDates } from '../casefile/KeepDates';
import { PlanStatusTag } from '../casefile/sections';

function filtersFrom(q: Record<string, string>): PlanFilters {
  const list = (v?: string) => (v ? v.split(',').filter(Boolean) : undefined);
  return {
    ...(list(q.status) ? { status: list(q.status) as PlanFilters['status'] } : {}),
    ...(list(q.assignment) ? { assignment: list(q.assignment) as PlanFilters['assignment'] } : {}),
    ...(q.mentor ? { mentor: q.mentor } : {}),
    ...(q.unit ? { unitId: q.unit } : {}),
    ...(q.overdue === '1' ? { overdueOnly: true } : {}),
    ...(q.eligible === '1' ? { eligibleOnly: true } : {}),
  };
}

function setFilters(f: PlanFilters) {
  const q = new URLSearchParams();
  if (f.status?.length) q.set('status', f.status.join(','));
  if (f.assignment?.length) q.set('assignment', f.assignment.join(','));
  if (f.mentor) q.set('mentor', f.mentor);
  if (f.unitId) q.set('unit', f.unitId);
  if (f.overdueOnly) q.set('overdue', '1');
  if (f.eligibleOnly) q.set('eligible', '1');
  const s = q.toString();
  navigate(s ? `/rehab?${s}` : '/rehab', { replace: true });
}

export default function RehabListPage({ query }: PageProps) {
  const { t, i18n } = useTranslation('rehab');
  const tk = useTranslation('casefile').t;
  const { message } = App.useApp();
  const asOf = useAsOf((s) => s.asOf);
  const filters = filtersFrom(query);
  // The header's office scope: one township's plans, or all.
  const scope = useOfficeScope();
  const { office } = scope;
  const why = useScopeEmpty();
  const list = useQuery('rehab.list', { asOf: asOf ?? '', filters, ...(office ? { office } : {}) }, { enabled: !!asOf && scope.ready });
  const units = useQuery('units.list', {});
  const [exporting, setExporting] = useState(false);
  const [mentor, setMentor] = useState(filters.mentor ?? '');
  const filtered = Object.keys(filters).length > 0;

  async function exportList() {
    if (!asOf) return;
    setExporting(true);
    try {
      const out = await api.rehab.export({ asOf, filters, ...(office ? { office } : {}), lang: i18n.language === 'en' ? 'en' : 'zh' });
      saveBase64(out.fileName, out.base64, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      message.success(t('exported', { name: out.fileName }));
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setExporting(false);
    }
  }

  const d = list.data;
  return (
    <Card
      data-testid="rehab-list"
      title={
        <Space wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('title')}
          </Typography.Title>
          {d && <Typography.Text type="secondary">{t('subtitle', { date: d.referenceDate })}</Typography.Text>}
          <OfficeScopeTag />
        </Space>
      }
      extra={
        <Button icon={<DownloadOutlined />} onClick={() => void exportList()} loading={exporting} data-testid="rehab-export">
          {t('export')}
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          mode="multiple"
          allowClear
          style={{ minWidth: 160 }}
          placeholder={t('filter.status')}
          value={filters.status ?? []}
          onChange={(v) => setFilters({ ...filters, status: v })}
          options={rehabStatuses.map((s) => ({ value: s, label: tk(`rehabStatus.${s}`) }))}
          data-testid="rehab-filter-status"
        />
        <Select
          mode="multiple"
          allowClear
          style={{ minWidth: 180 }}
          placeholder={t('filter.assignment')}
          value={filters.assignment ?? []}
          onChange={(v) => setFilters({ ...filters, assignment: v })}
          options={rehabAssignments.map((a) => ({ value: a, label: tk(`assignment.${a}`) }))}
          data-testid="rehab-filter-assignment"
        />
        <Select
          allowClear
          style={{ width: 180 }}
          placeholder={t('filter.unit')}
          value={filters.unitId}
          onChange={(v) => setFilters({ ...filters, unitId: v || undefined })}
          showSearch={{ optionFilterProp: 'label' }}
          options={unitOptionsOf(units.data ?? [], scope)}
          data-testid="rehab-filter-unit"
        />
        <Input.Search
          allowClear
          style={{ width: 180 }}
          placeholder={t('filter.mentor')}
          value={mentor}
          onChange={(e) => setMentor(e.target.value)}
          onSearch={(v) => setFilters({ ...filters, mentor: v.trim() || undefined })}
          data-testid="rehab-filter-mentor"
        />
        <Checkbox checked={!!filters.overdueOnly} onChange={(e) => setFilters({ ...filters, overdueOnly: e.target.checked || undefined })} data-testid="rehab-filter-overdue">
          {t('filter.overdueOnly')}
        </Checkbox>
        <Checkbox checked={!!filters.eligibleOnly} onChange={(e) => setFilters({ ...filters, eligibleOnly: e.target.checked || undefined })} data-testid="rehab-filter-eligible">
          {t('filter.eligibleOnly')}
        </Checkbox>
      </Space>
      {list.error && <Alert type="error" showIcon title={pick(list.error.bilingual, i18n.language)} />}
      {!d && !list.error ? (
        <Spin style={{ display: 'block', margin: 24 }} />
      ) : (
        d && (
          <Table<PlanRow>
            size="small"
            rowKey={(r) => r.plan.id}
            dataSource={d.items}
            pagination={d.items.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
            // The widths add up to the 1084 px a table has at 1366 px: a date, a tag and each English header on one line.
            scroll={{ x: 1000 }}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={why(filtered ? t('emptyFiltered') : t('empty'))} /> }}
            data-testid="rehab-table"
            onRow={(r) => ({ 'data-testid': 'rehab-row', 'data-plan': r.plan.id }) as never}
            columns={[
              {
                title: t('col.cadre'),
                key: 'cadre',
                width: 72,
                render: (_, r) => <a href={hrefOf(`/cadres/${encodeURIComponent(r.plan.cadreId)}`)}>{r.cadreName}</a>,
              },
              { title: t('col.unit'), key: 'unit', width: 108, render: (_, r) => r.unitName ?? '—' },
              { title: t('col.measure'), key: 'measure', width: 100, render: (_, r) => (r.measureKind ? tk(`measureKind.${r.measureKind}`) : '—') },
              {
                title: t('col.assignment'),
                key: 'assignment',
                width: 152,
                render: (_, r) => (
                  <span>
                    {tk(`assignment.${r.plan.assignment}`)}
                    <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                      {r.plan.post ? `${r.plan.post}${r.plan.place ? ` · ${r.plan.place}` : ''} · ` : ''}
                      {t('since', { date: r.plan.startsOn })}
                    </Typography.Text>
                  </span>
                ),
              },
              { title: t('col.mentor'), key: 'mentor', width: 90, render: (_, r) => r.plan.mentor || '—' },
              { title: t('col.lastCheckIn'), key: 'last', width: 126, render: (_, r) => <span className="cell-nowrap">{r.lastCheckIn ?? '—'}</span> },
              {
                title: t('col.nextCheckIn'),
                key: 'next',
                width: 124,
                render: (_, r) =>
                  r.nextCheckIn ? (
                    <span data-testid="rehab-next-checkin">
                      <span className="cell-nowrap">{r.nextCheckIn}</span>
                      {r.checkInOverdue && (
                        <Tag color="red" style={{ marginLeft: 4 }}>
                          {t('overdue')}
                        </Tag>
                      )}
                    </span>
                  ) : (
                    '—'
                  ),
              },
              { title: t('col.status'), key: 'status', width: 128, render: (_, r) => <PlanStatusTag row={r} wrap /> },
              {
                title: t('col.eligibility'),
                key: 'eligible',
                width: 104,
                render: (_, r) =>
                  r.eligible ? (
                    <Tag color="green" data-testid="rehab-eligible">
                      {t('eligible')}
                    </Tag>
                  ) : (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {r.earliestDate ? <KeepDates text={t('earliest', { date: r.earliestDate })} /> : t('notYet')}
                    </Typography.Text>
                  ),
              },
              {
                title: t('col.actions'),
                key: 'actions',
                width: 80,
                fixed: 'right',
                render: (_, r) => (
                  <a href={hrefOf(`/rehab/${encodeURIComponent(r.plan.id)}`)} data-testid="rehab-view">
                    {t('view')}
                  </a>
                ),
              },
            ]}
          />
        )
      )}
    </Card>
  );
}
