// 预警与观察期台账 (/tracker): everything in progress with its review date and days left, filters
// (kept in the address so a reload keeps them), closing with an outcome — "not improved" offers the
// ladder's next step pre-filled — the team view, and export of the board to Excel.
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Empty, Form, Input, Modal, Radio, Row, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NextStep, TeamView, TrackerFilters, TrackerItem, TrackerStatus } from '../../../shared/contract/tracker';
import { trackedKinds, trackerStatuses } from '../../../shared/contract/tracker';
import type { MeasureOutcome } from '../../../shared/domain/records';
import { api } from '../../api/client';
import { useAsOf } from '../../app/asOf';
import { MonthScoresBanner } from '../../app/MonthScoresBanner';
import { unitOptionsOf, useOfficeScope } from '../../app/officeScope';
import { OfficeScopeTag, useScopeEmpty } from '../../app/OfficeScopeNote';
import { PrintButton } from '../../app/PrintButton';
import { usePrinting } from '../../app/print';
import { DateField } from '../../app/DateField';
import { applyFieldErrors } from '../../app/formErrors';
import type { PageProps } from '../../app/routes';
import { hrefOf, navigate } from '../../app/router';
import { useQuery } from '../../db/cache';
import { recordingDate } from '../../../shared/views/dates';
import { useSession } from '../session/store';
import { pick } from '../../i18n';
import { MeasureModal, onFormKeyDown, useRequired } from '../casefile/forms';
import { CheckInsDueCard, FaultsDueCard } from './DueCards';
import { NextStepDialog } from './NextStepDialog';

const statusColor: Record<TrackerStatus, string> = { onTrack: 'green', dueSoon: 'orange', overdue: 'red' };

function filtersFrom(query: Record<string, string>): TrackerFilters {
  const list = (v?: string) => (v ? v.split(',').filter(Boolean) : undefined);
  return {
    ...(query.unit ? { unitId: query.unit } : {}),
    ...(list(query.kinds) ? { kinds: list(query.kinds) as TrackerFilters['kinds'] } : {}),
    ...(list(query.status) ? { statuses: list(query.status) as TrackerFilters['statuses'] } : {}),
  };
}

function setFilters(f: TrackerFilters) {
  const q = new URLSearchParams();
  if (f.unitId) q.set('unit', f.unitId);
  if (f.kinds?.length) q.set('kinds', f.kinds.join(','));
  if (f.statuses?.length) q.set('status', f.statuses.join(','));
  const s = q.toString();
  navigate(s ? `/tracker?${s}` : '/tracker', { replace: true });
}

/** Saves a base64 workbook under its file name (browser download; Electron saves it the same way). */
function download(fileName: string, base64: string) {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export default function TrackerPage({ query }: PageProps) {
  const { t, i18n } = useTranslation('tracker');
  const tk = useTranslation('casefile').t;
  const { message } = App.useApp();
  const asOf = useAsOf((s) => s.asOf);
  const today = useSession((s) => s.info?.today) ?? dayjs().format('YYYY-MM-DD');
  // The board is judged on the month's last day; a measure registered now starts today (or on the
  // nearest day of the month being looked at).
  const startDay = recordingDate(asOf ?? today.slice(0, 7), today);
  const filters = filtersFrom(query);
  // The header's office scope: one township's board (its units ranked among its own), or all.
  const scope = useOfficeScope();
  const { office } = scope;
  const why = useScopeEmpty();
  const board = useQuery('tracker.board', { asOf: asOf ?? '', filters, ...(office ? { office } : {}) }, { enabled: !!asOf && scope.ready });
  const printing = usePrinting((s) => s.printing);
  const units = useQuery('units.list', {});
  // Each unit's township: the board's rows and standings say whose they are when all are shown.
  const officeOfUnit = useMemo(() => new Map((units.data ?? []).map((u) => [u.id, u.office])), [units.data]);
  const byOffice = scope.several && !office;
  const { several, offices } = scope;
  const unitOptions = useMemo(() => unitOptionsOf(units.data ?? [], { office, several, offices }), [units.data, office, several, offices]);
  const [closing, setClosing] = useState<TrackerItem | null>(null);
  const [next, setNext] = useState<{ step: NextStep; item: TrackerItem } | null>(null);
  const [exporting, setExporting] = useState(false);
  const [registering, setRegistering] = useState(false);

  async function exportBoard() {
    if (!asOf) return;
    setExporting(true);
    try {
      const out = await api.tracker.export({ asOf, filters, ...(office ? { office } : {}), lang: i18n.language === 'en' ? 'en' : 'zh' });
      download(out.fileName, out.base64);
      message.success(t('exported', { name: out.fileName }));
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setExporting(false);
    }
  }

  const b = board.data;
  const columns = [
    {
      title: t('col.subject'),
      key: 'subject',
      render: (_: unknown, i: TrackerItem) => (
        // The name whole on its line; the tag goes under it when the column is narrow.
        <Space size={4} wrap>
          {i.subject.type === 'cadre' ? (
            <a href={hrefOf(`/cadres/${encodeURIComponent(i.subject.id)}`)} className="cell-nowrap">
              {i.subjectName}
            </a>
          ) : (
            <span className="cell-nowrap">{i.subjectName}</span>
          )}
          <Tag color={i.subject.type === 'unit' ? 'purple' : undefined}>{i.subject.type === 'unit' ? t('team') : t('person')}</Tag>
        </Space>
      ),
    },
    ...(byOffice
      ? [
          {
            title: t('col.office'),
            key: 'office',
            render: (_: unknown, i: TrackerItem) => (
              <span className="cell-nowrap" data-testid="tracker-office">
                {i.unitId && officeOfUnit.get(i.unitId) ? scope.nameOf(officeOfUnit.get(i.unitId)!) : '—'}
              </span>
            ),
          },
        ]
      : []),
    { title: t('col.unit'), dataIndex: 'unitName', key: 'unit', render: (v: string | null) => v ?? '—' },
    { title: t('col.kind'), dataIndex: 'kind', key: 'kind', render: (k: TrackerItem['kind']) => t(`kind.${k}`) },
    { title: t('col.startsOn'), dataIndex: 'startsOn', key: 'startsOn', render: (v: string | null) => <span className="cell-nowrap">{v ?? '—'}</span> },
    {
      title: t('col.reviewDate'),
      key: 'reviewDate',
      render: (_: unknown, i: TrackerItem) =>
        i.missingReviewDate ? (
          <Tag color="orange" data-testid="no-review-date">
            {t('missingReviewDate')}
          </Tag>
        ) : i.reviewDate ? (
          <span data-testid="review-date">
            <span className="cell-nowrap">{i.reviewDate}</span>
            {i.reviewDateDefaulted && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {' '}
                {tk('punct.open')}
                {t('defaulted')}
                {tk('punct.close')}
              </Typography.Text>
            )}
          </span>
        ) : (
          t('noReviewDate')
        ),
    },
    {
      title: t('col.daysLeft'),
      key: 'daysLeft',
      align: 'right' as const,
      render: (_: unknown, i: TrackerItem) => (
        <span className="cell-nowrap">{i.daysLeft === null ? '—' : i.daysLeft < 0 ? t('daysOverdue', { n: -i.daysLeft }) : t('daysLeft', { n: i.daysLeft })}</span>
      ),
    },
    {
      title: t('col.status'),
      key: 'status',
      render: (_: unknown, i: TrackerItem) => (
        <Tag color={statusColor[i.status]} data-testid="status-tag">
          {t(`status.${i.status}`)}
        </Tag>
      ),
    },
    {
      title: t('col.actions'),
      key: 'actions',
      render: (_: unknown, i: TrackerItem) => (
        <Button size="small" onClick={() => setClosing(i)} data-testid="close-item">
          {t('close')}
        </Button>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="tracker">
      <Card
        title={
          <Space wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('title')}
            </Typography.Title>
            {b && <Typography.Text type="secondary">{t('subtitle', { date: b.referenceDate })}</Typography.Text>}
            <OfficeScopeTag />
          </Space>
        }
        extra={
          <Space>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)} data-testid="tracker-register">
              {t('register')}
            </Button>
            <Button icon={<DownloadOutlined />} onClick={() => void exportBoard()} loading={exporting} data-testid="tracker-export">
              {t('export')}
            </Button>
            <PrintButton fileName={t('printName', { month: asOf ?? '' })} testId="tracker-print" />
          </Space>
        }
      >
        <MonthScoresBanner style={{ marginBottom: 16 }} />
        <Space wrap style={{ marginBottom: 16 }}>
          <Select
            allowClear
            style={{ width: 200 }}
            placeholder={t('filter.allUnits')}
            value={filters.unitId}
            onChange={(v) => setFilters({ ...filters, unitId: v || undefined })}
            showSearch={{ optionFilterProp: 'label' }}
            options={unitOptions}
            data-testid="filter-unit"
          />
          <Select
            mode="multiple"
            allowClear
            style={{ minWidth: 220 }}
            placeholder={t('filter.allKinds')}
            value={filters.kinds ?? []}
            onChange={(v) => setFilters({ ...filters, kinds: v })}
            options={trackedKinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
            data-testid="filter-kind"
          />
          <Space size={4} data-testid="filter-status">
            <Typography.Text type="secondary">
              {t('filter.status')}
              {tk('punct.colon')}
            </Typography.Text>
            {trackerStatuses.map((s) => {
              const on = filters.statuses?.includes(s) ?? false;
              return (
                <Tag.CheckableTag
                  key={s}
                  checked={on}
                  onChange={(checked) => {
                    const set = new Set(filters.statuses ?? []);
                    if (checked) set.add(s);
                    else set.delete(s);
                    setFilters({ ...filters, statuses: [...set] });
                  }}
                  data-testid={`status-filter-${s}`}
                >
                  {t(`status.${s}`)} {b ? b.counts[s] : ''}
                </Tag.CheckableTag>
              );
            })}
          </Space>
        </Space>
        {board.error && <Alert type="error" showIcon title={pick(board.error.bilingual, i18n.language)} />}
        {!b && !board.error ? (
          <Spin style={{ display: 'block', margin: 24 }} />
        ) : (
          b && (
            <Table<TrackerItem>
              size="small"
              rowKey="id"
              dataSource={b.items}
              columns={columns}
              pagination={b.items.length > 50 && !printing ? { pageSize: 50, showSizeChanger: false } : false}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={why(t('empty'))} /> }}
              data-testid="tracker-table"
              rowClassName={(i) => `tracker-row-${i.status}`}
              onRow={(i) => ({ 'data-testid': 'tracker-row', 'data-kind': i.kind, 'data-subject': i.subject.id }) as never}
            />
          )
        )}
      </Card>
      {b && <FaultsDueCard faults={b.faults} />}
      {b && <CheckInsDueCard items={b.checkInsDue} />}
      {b && <TeamViewCard team={b.team} officeOf={byOffice ? (unitId) => scope.nameOf(officeOfUnit.get(unitId) ?? '') : undefined} offices={scope.offices.map((o) => o.code)} officeCodeOf={(unitId) => officeOfUnit.get(unitId) ?? ''} />}
      {closing && (
        <CloseModal
          item={closing}
          onClose={() => setClosing(null)}
          onClosed={(step) => {
            const item = closing;
            setClosing(null);
            void board.refetch();
            if (step) setNext({ step, item });
          }}
        />
      )}
      {registering && (
        <MeasureModal
          open
          onClose={() => {
            setRegistering(false);
            void board.refetch();
          }}
          title={t('register')}
          draft={{
            kind: 'probation',
            startsOn: startDay,
            endsOn: dayjs(startDay).add(3, 'month').subtract(1, 'day').format('YYYY-MM-DD'),
          }}
          kinds={trackedKinds}
          formId="tracker:register"
          testId="register-form"
        />
      )}
      {next && b && (
        <NextStepDialog
          step={next.step}
          item={next.item}
          referenceDate={startDay}
          onClose={() => {
            setNext(null);
            void board.refetch();
          }}
        />
      )}
    </Space>
  );
}

function CloseModal({ item, onClose, onClosed }: { item: TrackerItem; onClose(): void; onClosed(next: NextStep | null): void }) {
  const { t, i18n } = useTranslation('tracker');
  const tk = useTranslation('casefile').t;
  const tc = useTranslation('app').t;
  const { message } = App.useApp();
  const [form] = Form.useForm<{ outcome?: MeasureOutcome; endsOn?: Dayjs; note?: string }>();
  const [busy, setBusy] = useState(false);
  const [general, setGeneral] = useState<string[]>([]);
  const trial = item.kind === 'trialPeriod' || item.kind === 'trialExtension';
  const outcomes: MeasureOutcome[] = trial ? ['confirmed', 'extended'] : ['improved', 'notImproved'];
  const required = useRequired();

  async function submit() {
    try {
      await form.validateFields();
    } catch {
      return;
    }
    const v = form.getFieldsValue(true);
    setBusy(true);
    setGeneral([]);
    try {
      const r = await api.tracker.close({
        ...(item.measureId ? { measureId: item.measureId } : { trialOf: item.subject.id }),
        outcome: v.outcome as MeasureOutcome,
        ...(v.endsOn ? { endsOn: v.endsOn.format('YYYY-MM-DD') } : {}),
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      });
      message.success(t('closed'));
      onClosed(r.nextStep);
    } catch (e) {
      setGeneral(applyFieldErrors(form, e, i18n.language, ['outcome', 'endsOn', 'note']));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={t('closeTitle', { subject: item.subjectName, kind: t(`kind.${item.kind}`) })}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={tc('common.save')}
      cancelText={tc('common.cancel')}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'close-submit' } as never}
      destroyOnHidden
    >
      {general.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={general.join('；')} />}
      <Form form={form} layout="vertical" data-testid="close-form" onKeyDown={onFormKeyDown(() => void submit())}>
        <Form.Item name="outcome" label={t('outcome')} rules={required(t('outcome'))}>
          <Radio.Group data-testid="close-outcome">
            {outcomes.map((o) => (
              <Radio.Button key={o} value={o} data-testid={`outcome-${o}`}>
                {tk(`outcome.${o}`)}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="endsOn" label={t('endsOn')} extra={t('endsOnHint')}>
          <DateField style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label={t('note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * 班子 standings and the units under watch. With every office shown (`officeOf`), the standings
 * are listed per township, in the header's order of offices: each township's units rank among
 * their own.
 */
function TeamViewCard({
  team,
  officeOf,
  offices,
  officeCodeOf,
}: {
  team: TeamView;
  officeOf?: (unitId: string) => string;
  offices: string[];
  officeCodeOf(unitId: string): string;
}) {
  const { t } = useTranslation('tracker');
  const tk = useTranslation('casefile').t;
  const why = useScopeEmpty();
  const watched = new Set(team.underWatch.map((w) => w.unitId));
  const order = (unitId: string) => {
    const i = offices.indexOf(officeCodeOf(unitId));
    return i < 0 ? offices.length : i;
  };
  const ranking = officeOf ? [...team.ranking].sort((a, b) => order(a.unitId) - order(b.unitId) || a.rank - b.rank) : team.ranking;
  return (
    <Card title={t('teamView.title')} data-testid="team-view">
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={11}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t('teamView.ranking', { month: team.month })}
          </Typography.Title>
          <Table
            size="small"
            rowKey="unitId"
            dataSource={ranking}
            pagination={ranking.length > 15 ? { pageSize: 15, showSizeChanger: false } : false}
            locale={{ emptyText: why(t('teamView.noRanking')) }}
            data-testid="team-ranking"
            onRow={(r) => ({ 'data-testid': 'team-ranking-row', 'data-unit': r.unitId }) as never}
            columns={[
              ...(officeOf
                ? [{ title: t('col.office'), key: 'office', render: (_: unknown, r: { unitId: string }) => <span className="cell-nowrap">{officeOf(r.unitId)}</span> }]
                : []),
              { title: t('teamView.rank'), dataIndex: 'rank', width: 56 },
              {
                title: t('teamView.unit'),
                dataIndex: 'unitName',
                render: (name: string, r) => (
                  <Space size={4}>
                    {name}
                    {watched.has(r.unitId) && <Tag color="orange">{t('teamView.watch')}</Tag>}
                  </Space>
                ),
              },
              // Headers on one line (月均分 and 参评人数 wrapped when the unit took every pixel); the unit's name takes the rest.
              { title: t('teamView.mean'), dataIndex: 'mean', width: 72, render: (m: number) => m.toFixed(2), align: 'right' },
              { title: t('teamView.scored'), dataIndex: 'scoredCadres', width: 76, align: 'right' },
              {
                title: t('teamView.third'),
                dataIndex: 'third',
                width: 104,
                render: (th: string) => <Tag color={th === 'top' ? 'green' : th === 'bottom' ? 'red' : undefined}>{tk(`third.${th}`)}</Tag>,
              },
            ]}
          />
        </Col>
        <Col xs={24} xl={13}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t('teamView.underWatch')}
          </Typography.Title>
          {team.underWatch.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={why(t('teamView.noneUnderWatch'))} />
          ) : (
            team.underWatch.map((w) => (
              <div key={w.measureId} data-testid="team-watch" style={{ marginBottom: 16 }}>
                <Space wrap size={6} style={{ marginBottom: 6 }}>
                  <Typography.Text strong>{w.unitName}</Typography.Text>
                  <Tag color="purple">{t(`kind.${w.kind}`)}</Tag>
                  <Typography.Text type="secondary">
                    {w.startsOn} → {w.reviewDate ?? t('noReviewDate')}
                  </Typography.Text>
                  <Tag color={statusColor[w.status]}>{t(`status.${w.status}`)}</Tag>
                  {w.standing && <Typography.Text type="secondary">{t('teamView.standing', { rank: w.standing.rank, n: w.standing.n })}</Typography.Text>}
                </Space>
                <Table
                  size="small"
                  rowKey="cadreId"
                  pagination={false}
                  dataSource={w.members}
                  columns={[
                    {
                      title: t('teamView.member'),
                      dataIndex: 'name',
                      render: (name: string, m) => <a href={hrefOf(`/cadres/${encodeURIComponent(m.cadreId)}`)}>{name}</a>,
                    },
                    { title: t('teamView.position'), dataIndex: 'position', render: (p: string) => p || '—' },
                    { title: t('teamView.score'), dataIndex: 'score', align: 'right', render: (s: number | null) => s ?? t('teamView.noScore') },
                    {
                      title: t('teamView.memberRank'),
                      key: 'rank',
                      render: (_, m) =>
                        m.rank === null ? '—' : (
                          <Tag color={m.third === 'top' ? 'green' : m.third === 'bottom' ? 'red' : undefined}>
                            {m.third === 'none'
                              ? tk('rankTextNoThird', { rank: m.rank, n: m.n })
                              : tk('rankText', { rank: m.rank, n: m.n, third: tk(`third.${m.third}`) })}
                          </Tag>
                        ),
                    },
                  ]}
                />
              </div>
            ))
          )}
        </Col>
      </Row>
    </Card>
  );
}
