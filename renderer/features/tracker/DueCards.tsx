// The tracker's two to-do lists of issue 9: faults whose tolerance procedure awaits a step
// (容错纠错待办), and rehabilitation plans with an overdue check-in talk (帮扶回访待办). Both lists
// are the board's (the core decides what is awaited and what is overdue).
import { Button, Card, Empty, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FaultRow } from '../../../shared/contract/faults';
import type { CheckInDue } from '../../../shared/contract/tracker';
import type { FaultStep } from '../../../shared/domain/records';
import { useScopeEmpty } from '../../app/OfficeScopeNote';
import { hrefOf } from '../../app/router';
import { FaultStepModal } from '../casefile/actions';

export function FaultsDueCard({ faults }: { faults: FaultRow[] }) {
  const { t } = useTranslation('tracker');
  const tk = useTranslation('casefile').t;
  const why = useScopeEmpty();
  const [stepping, setStepping] = useState<{ faultId: string; step: FaultStep; minDate: string } | null>(null);
  return (
    <Card title={t('faults.title')} data-testid="faults-due">
      <Table<FaultRow>
        size="small"
        rowKey={(r) => r.fault.id}
        dataSource={faults}
        pagination={faults.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={why(t('faults.empty'))} /> }}
        onRow={(r) => ({ 'data-testid': 'fault-due-row', 'data-fault': r.fault.id }) as never}
        columns={[
          {
            title: t('faults.cadre'),
            key: 'cadre',
            width: 100,
            render: (_, r) => <a href={hrefOf(`/cadres/${encodeURIComponent(r.fault.cadreId)}`)}>{r.cadreName}</a>,
          },
          { title: t('col.unit'), key: 'unit', width: 120, render: (_, r) => r.unitName ?? '—' },
          { title: t('faults.date'), key: 'date', width: 100, render: (_, r) => <span className="cell-nowrap">{r.fault.date}</span> },
          { title: t('faults.description'), key: 'description', render: (_, r) => <Typography.Text ellipsis={{ tooltip: r.fault.description }}>{r.fault.description || '—'}</Typography.Text> },
          {
            title: t('faults.lastStep'),
            key: 'last',
            width: 140,
            render: (_, r) => (r.lastStep ? `${tk(`fault.step.${r.lastStep}`)} ${r.lastStepOn ?? ''}` : t('faults.notStarted')),
          },
          {
            title: t('faults.awaiting'),
            key: 'awaiting',
            width: 110,
            render: (_, r) => (r.awaiting ? <Tag color="orange">{tk(`fault.step.${r.awaiting}`)}</Tag> : '—'),
          },
          { title: t('faults.waiting'), key: 'waiting', width: 90, align: 'right', render: (_, r) => t('daysLeft', { n: r.daysWaiting }) },
          {
            title: t('col.actions'),
            key: 'actions',
            width: 160,
            render: (_, r) =>
              r.awaiting ? (
                <Button size="small" onClick={() => setStepping({ faultId: r.fault.id, step: r.awaiting!, minDate: r.lastStepOn ?? r.fault.date })} data-testid="fault-due-step">
                  {tk('fault.doStep', { step: tk(`fault.step.${r.awaiting}`) })}
                </Button>
              ) : null,
          },
        ]}
      />
      {stepping && <FaultStepModal faultId={stepping.faultId} step={stepping.step} minDate={stepping.minDate} onClose={() => setStepping(null)} />}
    </Card>
  );
}

export function CheckInsDueCard({ items }: { items: CheckInDue[] }) {
  const { t } = useTranslation('tracker');
  const why = useScopeEmpty();
  return (
    <Card title={t('checkIns.title')} data-testid="checkins-due">
      <Table<CheckInDue>
        size="small"
        rowKey="planId"
        dataSource={items}
        pagination={items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={why(t('checkIns.empty'))} /> }}
        onRow={(r) => ({ 'data-testid': 'checkin-due-row', 'data-plan': r.planId }) as never}
        columns={[
          {
            title: t('faults.cadre'),
            key: 'cadre',
            width: 100,
            render: (_, r) => <a href={hrefOf(`/cadres/${encodeURIComponent(r.cadreId)}`)}>{r.cadreName}</a>,
          },
          { title: t('col.unit'), key: 'unit', width: 120, render: (_, r) => r.unitName ?? '—' },
          { title: t('checkIns.mentor'), dataIndex: 'mentor', width: 100, render: (m: string) => m || '—' },
          { title: t('checkIns.lastContact'), dataIndex: 'lastContact', width: 110 },
          { title: t('checkIns.dueOn'), dataIndex: 'dueOn', width: 110 },
          {
            title: t('checkIns.overdue'),
            key: 'overdue',
            width: 100,
            render: (_, r) => <Tag color="red">{t('daysOverdue', { n: r.daysOverdue })}</Tag>,
          },
          {
            title: t('col.actions'),
            key: 'actions',
            width: 100,
            render: (_, r) => (
              <a href={hrefOf(`/rehab/${encodeURIComponent(r.planId)}`)} data-testid="checkin-due-open">
                {t('checkIns.open')}
              </a>
            ),
          },
        ]}
      />
    </Card>
  );
}
