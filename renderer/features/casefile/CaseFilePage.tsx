// 干部档案 (/cadres/:id): header (identity, status, bars, impact periods), the "why" panel of the
// cadre's current findings, the rank chart, the merged timeline and the entry forms. Everything
// comes from one casefile.get as of the header's month; after any write it is fetched again.
import { ArrowLeftOutlined, EditOutlined, PlusOutlined, SwapOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Row, Space, Spin, Tag, Typography } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseFile, TimelineEntry } from '../../../shared/contract/casefile';
import { endpointAccess } from '../../../shared/contract/permissions';
import type { RevisableCollection } from '../../../shared/contract/records';
import { rehabSourceMeasures } from '../../../shared/domain/records';
import { lastDayOfPeriod } from '../../../shared/views/dates';
import { useAsOf } from '../../app/asOf';
import { MonthScoresBanner } from '../../app/MonthScoresBanner';
import { useRecordHighlight } from '../../app/recordLink';
import type { PageProps } from '../../app/routes';
import { hrefOf } from '../../app/router';
import { pick } from '../../i18n';
import { hasEndpoint, useCan, useSession } from '../session/store';
import { PlanOpenModal } from '../rehab/PlanOpenModal';
import { ClearanceModal, FaultModal } from './actions';
import { CorrectModal, HistoryModal, VoidModal, type RecordRef } from './corrections';
import { FindingsPanel, usePunct } from './FindingsPanel';
import { GradeModal, MeasureModal, SanctionModal, ScoreModal, useModal } from './forms';
import { ClearanceEffectsSection, FaultsSection, PlansList, WayBackSection } from './sections';
import { standingOf, Timeline } from './Timeline';
import { OwnershipTag, TransferModal, TransferredInNotice } from './TransferModal';
import { useLiveQuery } from './useLiveQuery';

const RankChart = lazy(() => import('./RankChart'));

const statusColor: Record<string, string> = { inPost: 'green', probation: 'orange', transitional: 'volcano', exited: 'default' };

export default function CaseFilePage({ params, query }: PageProps) {
  const { i18n } = useTranslation('casefile');
  const asOf = useAsOf((s) => s.asOf);
  const cf = useLiveQuery('casefile.get', { cadreId: params.id, asOf: asOf ?? '' }, { enabled: !!asOf });
  // ?record=<id>: a record opened from a meeting item's evidence is scrolled to and marked.
  useRecordHighlight(query.record, !!cf.data);

  if (!cf.data) {
    if (cf.error) return <Alert type="error" showIcon title={pick(cf.error.bilingual, i18n.language)} data-testid="casefile-error" />;
    return <Spin style={{ display: 'block', margin: 48 }} />;
  }
  return (
    <>
      <MonthScoresBanner style={{ marginBottom: 16 }} />
      <CaseFileView data={cf.data} refetch={() => void cf.refetch()} stale={cf.loading} />
    </>
  );
}

function CaseFileView({ data, refetch, stale }: { data: CaseFile; refetch(): void; stale: boolean }) {
  const { t } = useTranslation('casefile');
  const today = useSession((s) => s.info?.today) ?? data.referenceDate;
  const entry = useModal<'score' | 'grade' | 'sanction' | 'measure' | 'fault'>();
  // Entry buttons only for a role that may write; the core refuses regardless (docs/ACCESS.md).
  const canWrite = useCan()('ledger.write');
  const act = useModal<{ type: RowAction; ref: RecordRef }>();
  const planned = new Set(data.plans.filter((r) => r.plan.status === 'active').map((r) => r.plan.measureId));
  const close = () => (act.close(), refetch());
  const p = usePunct();
  const c = data.cadre;
  // The chart mounts after the first paint of the header and the timeline (progressive render).
  const [chartReady, setChartReady] = useState(false);
  useEffect(() => {
    const id = requestAnimationFrame(() => setTimeout(() => setChartReady(true), 0));
    return () => cancelAnimationFrame(id);
  }, []);

  // 调动: offered to a role that may call sync.transfer (permissions.ts), for a cadre this office owns.
  const can = useCan();
  const transfer = useModal();
  const transferPermission = endpointAccess['sync.transfer']?.permission;
  const canTransfer = !!data.ownership?.self && !!transferPermission && can(transferPermission) && hasEndpoint('sync.transfer');

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="casefile" data-stale={stale ? 'true' : 'false'}>
      <Header data={data} onTransfer={canTransfer ? () => transfer.open(true) : undefined} />
      {data.ownership && <TransferredInNotice cadre={c} unitName={data.unit?.name ?? c.unitId} ownership={data.ownership} canEdit={canWrite} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card size="small" title={t('section.chart')}>
              {data.rankHistory.length === 0 ? (
                <Typography.Text type="secondary">{t('chart.empty')}</Typography.Text>
              ) : (
                <Suspense fallback={<div style={{ height: 300, color: '#8c8c8c' }}>{t('chart.loading')}</div>}>
                  {chartReady ? <RankChart history={data.rankHistory} /> : <div style={{ height: 300 }} />}
                </Suspense>
              )}
            </Card>
            <Card
              size="small"
              title={t('section.timeline')}
              extra={
                canWrite && <Space wrap size={4}>
                  <Typography.Text type="secondary">
                    {t('section.entry')}
                    {p.colon}
                  </Typography.Text>
                  <Button size="small" icon={<PlusOutlined />} onClick={() => entry.open('score')} data-testid="add-score">
                    {t('entry.score')}
                  </Button>
                  <Button size="small" icon={<PlusOutlined />} onClick={() => entry.open('grade')} data-testid="add-grade">
                    {t('entry.grade')}
                  </Button>
                  <Button size="small" icon={<PlusOutlined />} onClick={() => entry.open('sanction')} data-testid="add-sanction">
                    {t('entry.sanction')}
                  </Button>
                  <Button size="small" icon={<PlusOutlined />} onClick={() => entry.open('measure')} data-testid="add-measure">
                    {t('entry.measure')}
                  </Button>
                  <Button size="small" icon={<PlusOutlined />} onClick={() => entry.open('fault')} data-testid="add-fault">
                    {t('entry.fault')}
                  </Button>
                </Space>
              }
            >
              <Timeline
                entries={data.timeline}
                referenceDate={data.referenceDate}
                actions={(e, label) => (
                  <RowActions entry={e} hasPlan={planned.has(String(e.record.id))} onAct={(type) => act.open({ type, ref: refOf(e, label) })} />
                )}
              />
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={9}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card size="small" title={`${t('section.findings')}${p.open}${data.asOf}${p.close}`} data-testid="findings-card">
              <FindingsPanel findings={data.findings.filter((f) => f.rule !== 'rehab.reascend' || !data.wayBack)} asOf={data.asOf} subjectName={c.name} onChanged={refetch} />
            </Card>
            {data.wayBack && (
              <Card size="small" title={t('section.wayBack')} data-testid="way-back-card">
                <WayBackSection wayBack={data.wayBack} findings={data.findings} subjectName={c.name} onChanged={refetch} />
              </Card>
            )}
            <Card size="small" title={t('section.plans')} data-testid="plans-card">
              <PlansList plans={data.plans} />
            </Card>
            <Card size="small" title={t('section.faults')} data-testid="faults-card">
              <FaultsSection entries={data.timeline} deductions={data.faultDeductions} />
            </Card>
            {data.clearanceEffects.length > 0 && (
              <Card size="small" title={t('section.clearances')} data-testid="clearances-card">
                <ClearanceEffectsSection items={data.clearanceEffects} />
              </Card>
            )}
          </Space>
        </Col>
      </Row>
      {/* Mounted only while open: closed modals still cost a render of their antd shells. */}
      {entry.value === 'score' && <ScoreModal cadreId={c.id} open onClose={() => (entry.close(), refetch())} defaultMonth={data.asOf} />}
      {entry.value === 'grade' && (
        <GradeModal cadreId={c.id} open onClose={() => (entry.close(), refetch())} defaultYear={Number(data.asOf.slice(0, 4)) - 1} />
      )}
      {entry.value === 'sanction' && <SanctionModal cadreId={c.id} open onClose={() => (entry.close(), refetch())} today={today} />}
      {entry.value === 'measure' && (
        <MeasureModal
          open
          onClose={() => (entry.close(), refetch())}
          subject={{ type: 'cadre', id: c.id, name: c.name }}
          draft={{ startsOn: today }}
          formId={`casefile:${c.id}:measure`}
          withOutcome
        />
      )}
      {entry.value === 'fault' && <FaultModal cadreId={c.id} onClose={() => (entry.close(), refetch())} />}
      {act.value?.type === 'correct' && <CorrectModal target={act.value.ref} onClose={close} />}
      {act.value?.type === 'void' && <VoidModal target={act.value.ref} onClose={close} />}
      {act.value?.type === 'history' && <HistoryModal target={act.value.ref} onClose={act.close} />}
      {act.value?.type === 'clear' && <ClearanceModal cadreId={c.id} recordId={act.value.ref.id} label={act.value.ref.label} onClose={close} />}
      {act.value?.type === 'plan' && <PlanOpenModal measureId={act.value.ref.id} onClose={close} />}
      {transfer.isOpen && data.ownership && (
        <TransferModal cadre={c} ownership={data.ownership} onClose={() => (transfer.close(), refetch())} />
      )}
    </Space>
  );
}

type RowAction = 'correct' | 'void' | 'history' | 'clear' | 'plan';

function refOf(e: TimelineEntry, label: string): RecordRef {
  return { collection: e.collection as RevisableCollection, id: String(e.record.id), record: e.record, label };
}

const clearable = new Set(['sanctions', 'faults', 'measures']);
const planSources = new Set<string>(rehabSourceMeasures);

/** 更正 · 作废 · 历史 on every record; 澄清正名 on a sanction, fault or measure; 制定帮扶计划 on a demotion and the like. */
function RowActions({ entry, hasPlan, onAct }: { entry: TimelineEntry; hasPlan: boolean; onAct(a: RowAction): void }) {
  const { t } = useTranslation('casefile');
  const standing = standingOf(entry);
  const r = entry.record;
  const inForce = standing === 'inForce';
  const links: { action: RowAction; label: string }[] = [];
  if (standing !== 'voided') links.push({ action: 'correct', label: t('revise.correct') });
  // A cleared or revoked record is voided only after its clearance (the core refuses otherwise).
  if (inForce) links.push({ action: 'void', label: t('revise.void') });
  links.push({ action: 'history', label: t('revise.history') });
  if (inForce && clearable.has(entry.collection) && (entry.collection !== 'measures' || r.subjectType === 'cadre')) {
    links.push({ action: 'clear', label: t('clear.act') });
  }
  if (inForce && entry.collection === 'measures' && r.subjectType === 'cadre' && planSources.has(entry.kind) && !hasPlan) {
    links.push({ action: 'plan', label: t('plans.open') });
  }
  return (
    <span style={{ fontSize: 12 }}>
      {links.map((l) => (
        <button
          key={l.action}
          type="button"
          onClick={() => onAct(l.action)}
          data-testid={`row-${l.action}`}
          style={{ border: 0, background: 'none', padding: 0, marginInlineStart: 10, color: l.action === 'void' ? '#cf1322' : '#1677ff', cursor: 'pointer', fontSize: 12 }}
        >
          {l.label}
        </button>
      ))}
      {entry.collection === 'rehabPlans' && (
        <a href={hrefOf(`/rehab/${encodeURIComponent(String(r.id))}`)} data-testid="row-open-plan" style={{ fontSize: 12, marginInlineStart: 10 }}>
          {t('plans.view')}
        </a>
      )}
    </span>
  );
}

function Header({ data, onTransfer }: { data: CaseFile; onTransfer?: () => void }) {
  const { t } = useTranslation('casefile');
  const tf = useTranslation('cadres').t;
  const td = useTranslation('domain').t;
  const tc = useTranslation('app').t;
  const c = data.cadre;
  const p = usePunct();
  const latest = data.rankHistory[data.rankHistory.length - 1];
  const activePeriods = data.impactPeriods.filter((p) => p.active);
  return (
    <Card
      data-testid="casefile-header"
      title={
        <Space wrap>
          <Button type="text" icon={<ArrowLeftOutlined />} href={hrefOf('/cadres')} aria-label={t('backToList')} />
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="casefile-name">
            {c.name}
          </Typography.Title>
          <Tag color={statusColor[data.status]} data-testid="casefile-status">
            {td(`status.${data.status}`)}
          </Tag>
          {data.ownership && <OwnershipTag ownership={data.ownership} />}
          <Typography.Text type="secondary">{t('title')}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('header.asOfHint', { date: data.referenceDate })}
          </Typography.Text>
        </Space>
      }
      extra={
        <Space size={8}>
          {onTransfer && (
            <Button icon={<SwapOutlined />} onClick={onTransfer} data-testid="casefile-transfer">
              {t('transfer.button')}
            </Button>
          )}
          <Button icon={<EditOutlined />} href={hrefOf(`/cadres/${encodeURIComponent(c.id)}/edit`)}>
            {t('edit')}
          </Button>
        </Space>
      }
    >
      <Descriptions column={{ xs: 1, sm: 2, lg: 4 }} size="small">
        <Descriptions.Item label={tf('field.id')}>{c.id}</Descriptions.Item>
        <Descriptions.Item label={tf('field.unitId')}>
          <span data-testid="casefile-unit">{data.unit?.name ?? c.unitId}</span>
        </Descriptions.Item>
        <Descriptions.Item label={tf('field.position')}>
          <span className="cell-nowrap">{c.position || '—'}</span>
        </Descriptions.Item>
        <Descriptions.Item label={tf('field.rankLevel')}>
          <span className="cell-nowrap">{c.rankLevel || '—'}</span>
        </Descriptions.Item>
        <Descriptions.Item label={tf('field.category')}>{td(`category.${c.category}`)}</Descriptions.Item>
        <Descriptions.Item label={tf('field.peerGroup')}>
          <span className="cell-nowrap">{c.peerGroup}</span>
          <Typography.Text type="secondary">
            {p.open}
            {t('header.peerGroupSize', { n: data.peerGroupSize })}
            {p.close}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={tf('field.leader')}>{c.leader ? tc('common.yes') : tc('common.no')}</Descriptions.Item>
        <Descriptions.Item label={tf('field.appointedOn')}>
          <span className="cell-nowrap">{c.appointedOn ?? '—'}</span>
        </Descriptions.Item>
        {c.trialEndsOn && (
          <Descriptions.Item label={tf('field.trialEndsOn')}>
            <span className="cell-nowrap">{c.trialEndsOn}</span>
          </Descriptions.Item>
        )}
        {latest && (
          <Descriptions.Item label={t('header.latestRank')}>
            {latest.month}
            {p.colon}
            {latest.third === 'none'
              ? t('rankTextNoThird', { rank: latest.rank, n: latest.n })
              : t('rankText', { rank: latest.rank, n: latest.n, third: t(`third.${latest.third}`) })}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('header.bars')} span={2}>
          <span data-testid="casefile-bars">
            {data.bars.length === 0
              ? t('header.noBars')
              : data.bars.map((b) => (
                  <Tag key={`${b.sourceCollection}/${b.sourceId}/${b.reason}`} color="red" data-testid="bar-tag">
                    {t('header.barUntil', { date: lastDayOfPeriod(b.until) })}
                    {p.open}
                    {b.sourceCollection === 'sanctions' ? t(`sanctionKind.${b.kind}`) : t(`measureKind.${b.kind}`)}
                    {p.close}
                  </Tag>
                ))}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('header.impactPeriods')} span={2}>
          <span data-testid="casefile-periods">
            {activePeriods.length === 0
              ? t('header.noPeriods')
              : activePeriods.map((p) => (
                  <Tag key={p.sanctionId} color="volcano" data-testid="period-tag">
                    {t('header.periodText', { kind: t(`sanctionKind.${p.kind}`), start: p.start, end: lastDayOfPeriod(p.end) })}
                  </Tag>
                ))}
          </span>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
