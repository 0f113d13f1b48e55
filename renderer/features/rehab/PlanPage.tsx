// One rehabilitation plan (/rehab/:id): its fields, training, scheduled reviews, check-ins (谈心谈话),
// reviews with the cadre's recent ranks beside the form, the overdue check-in warning, the way back
// up (rehab.reascend as a checklist) and closing with an outcome. All states are the core's (rehab.get).
import { ArrowLeftOutlined, CheckOutlined, CloseOutlined, EditOutlined, HistoryOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Empty, Form, Input, Radio, Row, Space, Spin, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RankEvidence } from '../../../shared/domain/findings';
import type { PlanView } from '../../../shared/contract/rehab';
import { rehabOutcomes, type CheckIn } from '../../../shared/domain/records';
import { api } from '../../api/client';
import { useAsOf } from '../../app/asOf';
import { DateField } from '../../app/DateField';
import type { PageProps } from '../../app/routes';
import { hrefOf } from '../../app/router';
import { pick } from '../../i18n';
import { useSession } from '../session/store';
import { CorrectModal, HistoryModal, VoidModal, type RecordRef } from '../casefile/corrections';
import { RecordModal, useRequired } from '../casefile/forms';
import { CheckInFields } from '../casefile/recordFields';
import { PlanStatusTag, WayBackChecklist } from '../casefile/sections';
import { useLiveQuery } from '../casefile/useLiveQuery';

const day = (v: unknown): string => (dayjs.isDayjs(v) ? (v as Dayjs).format('YYYY-MM-DD') : '');
const trim = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

export default function PlanPage({ params }: PageProps) {
  const { i18n } = useTranslation('rehab');
  const asOf = useAsOf((s) => s.asOf);
  const view = useLiveQuery('rehab.get', { planId: params.id, asOf: asOf ?? '' }, { enabled: !!asOf });
  if (!view.data) {
    if (view.error) return <Alert type="error" showIcon title={pick(view.error.bilingual, i18n.language)} data-testid="plan-error" />;
    return <Spin style={{ display: 'block', margin: 48 }} />;
  }
  return <PlanScreen view={view.data} refetch={() => void view.refetch()} />;
}

type Dialog = 'checkIn' | 'review' | 'close' | 'correct' | 'history';

function PlanScreen({ view, refetch }: { view: PlanView; refetch(): void }) {
  const { t, i18n } = useTranslation('rehab');
  const tk = useTranslation('casefile').t;
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [onCheckIn, setOnCheckIn] = useState<{ type: 'correct' | 'void' | 'history'; ref: RecordRef } | null>(null);
  const plan = view.row.plan;
  const active = plan.status === 'active';
  const done = () => (setDialog(null), refetch());
  const ref: RecordRef = {
    collection: 'rehabPlans',
    id: plan.id,
    record: plan as unknown as Record<string, unknown>,
    label: `${view.cadre.name} ${tk(`assignment.${plan.assignment}`)}`,
  };
  const dueFinding = view.findings.find((f) => f.rule === 'rehab.checkin-due');
  const p = { colon: tk('punct.colon'), open: tk('punct.open'), close: tk('punct.close') };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="plan-page" data-status={plan.status}>
      <Card
        title={
          <Space wrap>
            <Button type="text" icon={<ArrowLeftOutlined />} href={hrefOf('/rehab')} aria-label={t('plan.back')} />
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="plan-cadre">
              {view.cadre.name}
            </Typography.Title>
            <PlanStatusTag row={view.row} />
            <Typography.Text type="secondary">
              {t('title')}
              {view.cadre.unitName ? ` · ${view.cadre.unitName}` : ''}
            </Typography.Text>
            <a href={hrefOf(`/cadres/${encodeURIComponent(view.cadre.id)}`)}>{t('plan.caseFile')}</a>
          </Space>
        }
        extra={
          <Space wrap>
            {active && (
              <>
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('checkIn')} data-testid="plan-add-checkin">
                  {t('plan.addCheckIn')}
                </Button>
                <Button icon={<PlusOutlined />} onClick={() => setDialog('review')} data-testid="plan-add-review">
                  {t('plan.addReview')}
                </Button>
                <Button icon={<EditOutlined />} onClick={() => setDialog('correct')} data-testid="plan-correct">
                  {t('plan.correct')}
                </Button>
                <Button icon={<StopOutlined />} onClick={() => setDialog('close')} data-testid="plan-close">
                  {t('plan.close')}
                </Button>
              </>
            )}
            <Button icon={<HistoryOutlined />} onClick={() => setDialog('history')} data-testid="plan-history">
              {t('plan.history')}
            </Button>
          </Space>
        }
      >
        {view.row.checkInOverdue && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="plan-checkin-overdue"
            title={t('plan.overdue', { date: view.row.nextCheckIn ?? '' })}
            description={dueFinding ? pick(dueFinding.explanation, i18n.language) : undefined}
          />
        )}
        {!active && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('plan.closedPlan')} />}
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} data-testid="plan-details">
          <Descriptions.Item label={tk('plan.assignment')}>{tk(`assignment.${plan.assignment}`)}</Descriptions.Item>
          <Descriptions.Item label={tk('plan.post')}>{plan.post || '—'}</Descriptions.Item>
          <Descriptions.Item label={tk('plan.place')}>{plan.place || '—'}</Descriptions.Item>
          <Descriptions.Item label={tk('plan.mentor')}>{plan.mentor || '—'}</Descriptions.Item>
          <Descriptions.Item label={tk('plan.startsOn')}>{plan.startsOn}</Descriptions.Item>
          <Descriptions.Item label={t('plan.source')}>
            {view.measure ? `${tk(`measureKind.${view.measure.kind}`)}${p.open}${view.measure.startsOn}${p.close}` : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('plan.nextCheckIn')}>
            <span data-testid="plan-next-checkin">{view.row.nextCheckIn ?? '—'}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('plan.lastReview')}>{plan.lastReview ? t(`review.${plan.lastReview}`) : '—'}</Descriptions.Item>
          {plan.closedOn && (
            <Descriptions.Item label={t('plan.closed')}>
              {t('plan.closedText', { date: plan.closedOn, outcome: plan.outcome ? tk(`rehabOutcome.${plan.outcome}`) : '—' })}
            </Descriptions.Item>
          )}
          <Descriptions.Item label={tk('plan.fitReason')} span={3}>
            {plan.fitReason || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={tk('plan.goals')} span={3}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{plan.goals || '—'}</span>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card size="small" title={t('plan.checkIns')} data-testid="plan-checkins">
              <CheckInList
                checkIns={view.checkIns}
                onAct={(type, c) =>
                  setOnCheckIn({ type, ref: { collection: 'checkIns', id: c.id, record: c as unknown as Record<string, unknown>, label: `${tk('timeline.checkIn')} ${c.date}` } })
                }
              />
            </Card>
            <Card size="small" title={t('plan.reviews')} data-testid="plan-reviews">
              {(plan.reviews ?? []).length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('plan.noReviews')} />
              ) : (
                [...(plan.reviews ?? [])].reverse().map((r, i) => (
                  <div key={`${r.date}-${i}`} data-testid="plan-review" data-result={r.result} style={{ padding: '6px 0', borderBottom: '1px solid #f5f5f5' }}>
                    <Space size={6}>
                      <Typography.Text strong>{r.date}</Typography.Text>
                      <Tag color={r.result === 'positive' ? 'green' : 'red'}>{t(`review.${r.result}`)}</Tag>
                      {r.by && <Typography.Text type="secondary">{r.by}</Typography.Text>}
                    </Space>
                    <div style={{ whiteSpace: 'pre-wrap', fontSize: 13 }}>{r.evidence}</div>
                  </div>
                ))
              )}
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={10}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card size="small" title={t('plan.wayBack')} data-testid="plan-way-back">
              {view.wayBack.eligible && <Alert type="success" showIcon style={{ marginBottom: 8 }} title={tk('wayBack.eligible')} data-testid="plan-eligible" />}
              <WayBackChecklist wayBack={view.wayBack} />
            </Card>
            <Card size="small" title={t('plan.training')} data-testid="plan-training">
              {(plan.training ?? []).length === 0 ? (
                <Typography.Text type="secondary">{t('plan.noTraining')}</Typography.Text>
              ) : (
                (plan.training ?? []).map((x, i) => (
                  <div key={i} style={{ display: 'flex', gap: 8, padding: '4px 0', borderBottom: '1px solid #f5f5f5' }}>
                    {x.completed ? <CheckOutlined style={{ color: '#52c41a', marginTop: 4 }} /> : <CloseOutlined style={{ color: '#bfbfbf', marginTop: 4 }} />}
                    <div>
                      <div>{x.item}</div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {x.from}
                        {x.to ? ` — ${x.to}` : ''} · {x.completed ? t('plan.completed') : t('plan.notCompleted')}
                      </Typography.Text>
                    </div>
                  </div>
                ))
              )}
              <Typography.Text strong style={{ display: 'block', marginTop: 12 }}>
                {t('plan.scheduledReviews')}
              </Typography.Text>
              {(plan.scheduledReviews ?? []).length === 0 ? (
                <Typography.Text type="secondary">{t('plan.noScheduledReviews')}</Typography.Text>
              ) : (
                <Space wrap size={4} style={{ marginTop: 4 }}>
                  {(plan.scheduledReviews ?? []).map((d) => (
                    <Tag key={d}>{d}</Tag>
                  ))}
                </Space>
              )}
            </Card>
          </Space>
        </Col>
      </Row>
      {dialog === 'checkIn' && <CheckInModal planId={plan.id} onClose={done} />}
      {dialog === 'review' && <ReviewModal planId={plan.id} ranks={view.recentRanks} onClose={done} />}
      {dialog === 'close' && <ClosePlanModal planId={plan.id} onClose={done} />}
      {dialog === 'correct' && <CorrectModal target={ref} onClose={done} />}
      {dialog === 'history' && <HistoryModal target={ref} onClose={() => setDialog(null)} />}
      {onCheckIn?.type === 'correct' && <CorrectModal target={onCheckIn.ref} onClose={() => (setOnCheckIn(null), refetch())} />}
      {onCheckIn?.type === 'void' && <VoidModal target={onCheckIn.ref} onClose={() => (setOnCheckIn(null), refetch())} />}
      {onCheckIn?.type === 'history' && <HistoryModal target={onCheckIn.ref} onClose={() => setOnCheckIn(null)} />}
    </Space>
  );
}

function CheckInList({ checkIns, onAct }: { checkIns: CheckIn[]; onAct(type: 'correct' | 'void' | 'history', c: CheckIn): void }) {
  const { t } = useTranslation('rehab');
  const tk = useTranslation('casefile').t;
  if (checkIns.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('plan.noCheckIns')} data-testid="plan-no-checkins" />;
  return (
    <div>
      {checkIns.map((c) => (
        <div key={c.id} data-testid="plan-checkin" style={{ padding: '6px 0', borderBottom: '1px solid #f5f5f5' }}>
          <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
            <Space size={6}>
              <Typography.Text strong>{c.date}</Typography.Text>
              {c.talkedBy && (
                <Typography.Text type="secondary">
                  {tk('checkIn.talkedBy')}
                  {tk('punct.colon')}
                  {c.talkedBy}
                </Typography.Text>
              )}
            </Space>
            <Space size={10} style={{ fontSize: 12 }}>
              {(['correct', 'void', 'history'] as const).map((a) => (
                <Typography.Link key={a} type={a === 'void' ? 'danger' : undefined} style={{ fontSize: 12 }} onClick={() => onAct(a, c)} data-testid={`checkin-${a}`}>
                  {tk(`revise.${a}`)}
                </Typography.Link>
              ))}
            </Space>
          </div>
          {(['thoughts', 'workState', 'concerns', 'support'] as const).map((k) =>
            c[k] ? (
              <div key={k} style={{ fontSize: 13 }}>
                <Typography.Text type="secondary">
                  {tk(`checkIn.${k}`)}
                  {tk('punct.colon')}
                </Typography.Text>
                {c[k]}
              </div>
            ) : null,
          )}
          {c.note ? <div style={{ fontSize: 13, color: '#595959' }}>{c.note}</div> : null}
        </div>
      ))}
    </div>
  );
}

function CheckInModal({ planId, onClose }: { planId: string; onClose(): void }) {
  const { t } = useTranslation('rehab');
  const today = useSession((s) => s.info?.today) ?? dayjs().format('YYYY-MM-DD');
  return (
    <RecordModal
      open
      onClose={onClose}
      title={t('checkInTitle')}
      formId={`rehab:${planId}:checkin`}
      fieldNames={['date', 'talkedBy', 'thoughts', 'workState', 'concerns', 'support', 'note']}
      initialValues={{ date: dayjs(today) }}
      testId="checkin-form"
      submit={async (v) => {
        await api.rehab.checkIn({
          planId,
          date: day(v.date),
          talkedBy: trim(v.talkedBy),
          thoughts: trim(v.thoughts),
          workState: trim(v.workState),
          concerns: trim(v.concerns),
          support: trim(v.support),
        });
      }}
    >
      <CheckInFields />
    </RecordModal>
  );
}

/** A review, with the cadre's recent ranks beside the form (the core's rankings). */
function ReviewModal({ planId, ranks, onClose }: { planId: string; ranks: RankEvidence[]; onClose(): void }) {
  const { t } = useTranslation('rehab');
  const tk = useTranslation('casefile').t;
  const required = useRequired();
  const session = useSession((s) => s.info);
  const today = session?.today ?? dayjs().format('YYYY-MM-DD');
  return (
    <RecordModal
      open
      onClose={onClose}
      title={t('review.title')}
      formId={`rehab:${planId}:review`}
      fieldNames={['date', 'result', 'evidence', 'by']}
      initialValues={{ date: dayjs(today), by: session?.user ?? '' }}
      testId="review-form"
      width={880}
      submit={async (v) => {
        await api.rehab.review({ planId, date: day(v.date), result: v.result as 'positive' | 'negative', evidence: trim(v.evidence), by: trim(v.by) || undefined });
      }}
    >
      <div style={{ display: 'grid', gridTemplateColumns: '13fr 11fr', columnGap: 16 }}>
        <div style={{ minWidth: 0 }}>
          <Form.Item name="result" label={t('review.result')} rules={required(t('review.result'))}>
            <Radio.Group data-testid="review-result">
              <Radio.Button value="positive" data-testid="review-positive">
                {t('review.positive')}
              </Radio.Button>
              <Radio.Button value="negative" data-testid="review-negative">
                {t('review.negative')}
              </Radio.Button>
            </Radio.Group>
          </Form.Item>
          <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 12 }}>
            <div style={{ minWidth: 0 }}>
              <Form.Item name="date" label={t('review.date')} rules={required(t('review.date'))}>
                <DateField style={{ width: '100%' }} data-testid="review-date" />
              </Form.Item>
            </div>
            <div style={{ minWidth: 0 }}>
              <Form.Item name="by" label={t('review.by')}>
                <Input maxLength={50} data-testid="review-by" />
              </Form.Item>
            </div>
          </div>
          <Form.Item name="evidence" label={t('review.evidence')} rules={required(t('review.evidence'), { text: true })}>
            <Input.TextArea rows={4} maxLength={2000} data-testid="review-evidence" />
          </Form.Item>
        </div>
        <div style={{ minWidth: 0 }} data-testid="review-ranks">
          <Typography.Text strong>{t('review.recentRanks')}</Typography.Text>
          <Table<RankEvidence>
            size="small"
            rowKey="month"
            pagination={false}
            dataSource={[...ranks].reverse()}
            scroll={{ y: 240 }}
            style={{ marginTop: 4 }}
            locale={{ emptyText: t('review.noRanks') }}
            columns={[
              { title: t('review.month'), dataIndex: 'month', width: 80 },
              {
                title: t('review.rank'),
                key: 'rank',
                render: (_, r) => (
                  <Tag color={r.third === 'top' ? 'green' : r.third === 'bottom' ? 'red' : undefined}>
                    {r.third === 'none' ? tk('rankTextNoThird', { rank: r.rank, n: r.n }) : tk('rankText', { rank: r.rank, n: r.n, third: tk(`third.${r.third}`) })}
                  </Tag>
                ),
              },
            ]}
          />
        </div>
      </div>
    </RecordModal>
  );
}

function ClosePlanModal({ planId, onClose }: { planId: string; onClose(): void }) {
  const { t } = useTranslation('rehab');
  const tk = useTranslation('casefile').t;
  const required = useRequired();
  const today = useSession((s) => s.info?.today) ?? dayjs().format('YYYY-MM-DD');
  return (
    <RecordModal
      open
      onClose={onClose}
      title={t('closeDialog.title')}
      formId={`rehab:${planId}:close`}
      fieldNames={['outcome', 'date', 'note']}
      initialValues={{ date: dayjs(today) }}
      testId="plan-close-form"
      okText={t('closeDialog.save')}
      submit={async (v) => {
        await api.rehab.close({ planId, outcome: v.outcome as (typeof rehabOutcomes)[number], date: day(v.date), note: trim(v.note) || undefined });
      }}
    >
      <Form.Item name="outcome" label={t('closeDialog.outcome')} rules={required(t('closeDialog.outcome'))}>
        <Radio.Group data-testid="plan-close-outcome">
          {rehabOutcomes.map((o) => (
            <Radio.Button key={o} value={o} data-testid={`plan-outcome-${o}`}>
              {tk(`rehabOutcome.${o}`)}
            </Radio.Button>
          ))}
        </Radio.Group>
      </Form.Item>
      <Form.Item name="date" label={t('closeDialog.date')} rules={required(t('closeDialog.date'))}>
        <DateField style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="note" label={t('closeDialog.note')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </RecordModal>
  );
}
