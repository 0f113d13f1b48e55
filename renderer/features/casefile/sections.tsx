// The case file's cards for the second half of the article: the way back up (rehab.reascend as a
// checklist), the cadre's rehabilitation plans, fault tolerance (procedure and deduction) and what
// cleared records applied while they stood. Every state shown is the core's; nothing is computed here.
import { CheckCircleFilled, ClockCircleOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Space, Steps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClearanceEffects, TimelineEntry } from '../../../shared/contract/casefile';
import type { FaultDeduction } from '../../../shared/contract/faults';
import type { FindingRow } from '../../../shared/contract/findings';
import type { PlanRow, WayBack } from '../../../shared/contract/rehab';
import { faultSteps, type FaultRecord, type FaultStep } from '../../../shared/domain/records';
import { api } from '../../api/client';
import { saveBase64 } from '../../app/download';
import { hrefOf } from '../../app/router';
import { pick } from '../../i18n';
import { FaultStepModal } from './actions';
import { FindingCard, usePunct } from './FindingsPanel';

// ---- the way back up ------------------------------------------------------------------------------

export function WayBackChecklist({ wayBack }: { wayBack: WayBack }) {
  const { t, i18n } = useTranslation('casefile');
  const lang = i18n.language;
  return (
    <div data-testid="way-back-checklist">
      <div style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">{t('wayBack.earliest')}</Typography.Text>
        <Typography.Text strong data-testid="way-back-earliest">
          {wayBack.earliestDate ?? t('wayBack.noEarliest')}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 8 }}>
          {t('wayBack.judgedOn', { date: wayBack.judgedOn })}
        </Typography.Text>
      </div>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {wayBack.conditions.map((c) => (
          <li
            key={c.id}
            data-testid="way-back-condition"
            data-condition={c.id}
            data-met={c.met ? 'true' : 'false'}
            style={{ display: 'flex', gap: 8, padding: '4px 0', borderBottom: '1px solid #f5f5f5' }}
          >
            {c.met ? (
              <CheckCircleFilled style={{ color: '#52c41a', marginTop: 4 }} aria-label={t('wayBack.met')} />
            ) : (
              <ClockCircleOutlined style={{ color: '#fa8c16', marginTop: 4 }} aria-label={t('wayBack.notYet')} />
            )}
            <div style={{ minWidth: 0 }}>
              <div>{pick(c.label, lang)}</div>
              <Typography.Text type={c.met ? 'secondary' : 'warning'} style={{ fontSize: 12 }}>
                {c.met ? t('wayBack.met') : t('wayBack.notYet')}
                {t('punct.colon')}
                {pick(c.detail, lang)}
                {!c.met && c.metFrom ? t('wayBack.metFrom', { month: c.metFrom }) : ''}
              </Typography.Text>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function WayBackSection({ wayBack, findings, subjectName, onChanged }: { wayBack: WayBack; findings: FindingRow[]; subjectName: string; onChanged(): void }) {
  const { t } = useTranslation('casefile');
  const finding = findings.find((f) => f.rule === 'rehab.reascend');
  return (
    <div data-testid="way-back" data-eligible={wayBack.eligible ? 'true' : 'false'}>
      {wayBack.eligible ? (
        <Alert type="success" showIcon style={{ marginBottom: 8 }} title={t('wayBack.eligible')} data-testid="way-back-eligible" />
      ) : (
        <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={t('wayBack.notEligible')} />
      )}
      <WayBackChecklist wayBack={wayBack} />
      {wayBack.eligible && finding && (
        <div style={{ marginTop: 12 }}>
          <FindingCard finding={finding} asOf={wayBack.asOf} subjectName={subjectName} onDone={onChanged} />
        </div>
      )}
    </div>
  );
}

// ---- plans ----------------------------------------------------------------------------------------

/** `wrap`: in a narrow table column the outcome may go onto a second line inside the tag. */
export function PlanStatusTag({ row, wrap = false }: { row: PlanRow; wrap?: boolean }) {
  const { t } = useTranslation('casefile');
  const color = row.plan.status === 'active' ? 'green' : row.plan.status === 'completed' ? 'blue' : 'default';
  return (
    <Tag color={color} data-testid="plan-status" style={wrap ? { whiteSpace: 'normal', marginInlineEnd: 0 } : undefined}>
      {t(`rehabStatus.${row.plan.status}`)}
      {/* A wrapping tag breaks before the outcome only, not inside a word. */}
      {row.plan.outcome && (
        <>
          <wbr />
          <span className="cell-nowrap">{`${t('punct.open')}${t(`rehabOutcome.${row.plan.outcome}`)}${t('punct.close')}`}</span>
        </>
      )}
    </Tag>
  );
}

export function PlansList({ plans }: { plans: PlanRow[] }) {
  const { t } = useTranslation('casefile');
  if (plans.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('plans.none')} data-testid="plans-empty" />;
  return (
    <div data-testid="plans">
      {plans.map((r) => (
        <div key={r.plan.id} data-testid="plan-row" style={{ padding: '6px 0', borderBottom: '1px solid #f5f5f5' }}>
          <Space wrap size={4}>
            <a href={hrefOf(`/rehab/${encodeURIComponent(r.plan.id)}`)} data-testid="plan-link">
              {t('plans.title', { assignment: t(`assignment.${r.plan.assignment}`), post: r.plan.post ?? '' })}
            </a>
            <PlanStatusTag row={r} />
            {r.checkInOverdue && <Tag color="red">{t('plans.checkInOverdue')}</Tag>}
            {r.eligible && <Tag color="green">{t('plans.eligible')}</Tag>}
          </Space>
          <div style={{ fontSize: 12, color: '#8c8c8c' }}>
            {t('plans.summary', {
              start: r.plan.startsOn,
              mentor: r.plan.mentor || '—',
              next: r.nextCheckIn ?? '—',
              count: r.checkInCount,
            })}
          </div>
        </div>
      ))}
    </div>
  );
}

// ---- fault tolerance ------------------------------------------------------------------------------

/** The procedure as antd Steps: each done step with who and when, the awaited one in progress. */
export function FaultProcedure({ fault, onStep }: { fault: FaultRecord; onStep?(step: FaultStep, minDate: string): void }) {
  const { t } = useTranslation('casefile');
  const steps = fault.steps ?? {};
  const awaiting = faultSteps.find((s) => !steps[s]) ?? null;
  const lastDone = [...faultSteps].reverse().find((s) => steps[s]);
  const minDate = lastDone ? steps[lastDone]!.on : fault.date;
  return (
    <div data-testid="fault-procedure" data-awaiting={awaiting ?? 'none'}>
      <Steps
        size="small"
        orientation="vertical"
        current={awaiting ? faultSteps.indexOf(awaiting) : faultSteps.length}
        items={faultSteps.map((s) => {
          const done = steps[s];
          return {
            title: t(`fault.step.${s}`),
            status: done ? 'finish' : s === awaiting ? 'process' : 'wait',
            content: done ? (
              <span style={{ fontSize: 12 }} data-testid={`fault-step-${s}`}>
                {done.on} · {done.by}
                {done.note ? ` · ${done.note}` : ''}
                {s === 'decision' && fault.decision ? (
                  <Tag color={fault.decision === 'tolerated' ? 'green' : fault.decision === 'lightened' ? 'blue' : 'red'} style={{ marginLeft: 6 }}>
                    {t(`fault.decision.${fault.decision}`)}
                  </Tag>
                ) : null}
              </span>
            ) : undefined,
          };
        })}
      />
      {awaiting && onStep && (
        <Button size="small" type="primary" style={{ marginTop: 8 }} onClick={() => onStep(awaiting, minDate)} data-testid="fault-next-step">
          {t('fault.doStep', { step: t(`fault.step.${awaiting}`) })}
        </Button>
      )}
    </div>
  );
}

export function DeductionLine({ d }: { d: FaultDeduction }) {
  const { t, i18n } = useTranslation('casefile');
  const unit = pick(d.unit, i18n.language);
  return (
    <div data-testid="fault-deduction" data-factor={d.factor} data-amount={d.amount} style={{ fontSize: 13 }}>
      <Typography.Text strong>{t('fault.deduction')}</Typography.Text>
      {t('punct.colon')}
      {d.cleared ? (
        <Typography.Text type="secondary">{t('fault.deductionCleared')}</Typography.Text>
      ) : (
        <span>{t('fault.deductionFormula', { standard: d.standardAmount, factor: d.factor, amount: d.amount, unit })}</span>
      )}
      <div style={{ fontSize: 12, color: '#8c8c8c' }}>
        {t('fault.why')}
        {t('punct.colon')}
        {pick(d.why, i18n.language)}
      </div>
    </div>
  );
}

export function FaultsSection({ entries, deductions }: { entries: TimelineEntry[]; deductions: FaultDeduction[] }) {
  const { t } = useTranslation('casefile');
  const [stepping, setStepping] = useState<{ faultId: string; step: FaultStep; minDate: string } | null>(null);
  const faults = entries.filter((e) => e.collection === 'faults' && e.standing !== 'voided');
  const byId = new Map(deductions.map((d) => [d.faultId, d]));
  if (faults.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('fault.none')} data-testid="faults-empty" />;
  return (
    <div data-testid="faults">
      {faults.map((e) => {
        const f = e.record as unknown as FaultRecord;
        const d = byId.get(f.id);
        return (
          <div key={f.id} data-testid="fault-card" data-id={f.id} style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: 12, marginBottom: 12 }}>
            <Space wrap size={4} style={{ marginBottom: 6 }}>
              <Typography.Text strong>{f.date}</Typography.Text>
              <span>{f.description}</span>
              {e.standing !== 'inForce' && <Tag>{t(`timeline.${e.standing}`)}</Tag>}
            </Space>
            <div style={{ marginBottom: 8 }}>
              {(['intentional', 'personalInterest', 'violation'] as const).map((k) => (
                <div key={k} style={{ fontSize: 13, marginBottom: 4 }} data-testid="fault-distinction">
                  <Typography.Text type="secondary">{t(`fault.distinction.${k}`)}</Typography.Text>
                  <div>
                    <Tag color={f[k] ? 'red' : 'green'}>{f[k] ? t(`fault.distinctionYes.${k}`) : t(`fault.distinctionNo.${k}`)}</Tag>
                    {f[`${k}Evidence`] ? <span style={{ fontSize: 12, color: '#595959' }}>{f[`${k}Evidence`]}</span> : null}
                  </div>
                </div>
              ))}
            </div>
            <FaultProcedure fault={f} onStep={e.standing === 'inForce' ? (step, minDate) => setStepping({ faultId: f.id, step, minDate }) : undefined} />
            {d && (
              <div style={{ marginTop: 8 }}>
                <DeductionLine d={d} />
              </div>
            )}
          </div>
        );
      })}
      {stepping && <FaultStepModal faultId={stepping.faultId} step={stepping.step} minDate={stepping.minDate} onClose={() => setStepping(null)} />}
    </div>
  );
}

// ---- what cleared records applied while they stood ------------------------------------------------

export function ClearanceEffectsSection({ items }: { items: ClearanceEffects[] }) {
  const { t, i18n } = useTranslation('casefile');
  const p = usePunct();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  async function download(clearanceId: string) {
    setBusy(clearanceId);
    try {
      const out = await api.clearances.notice({ clearanceId });
      saveBase64(out.fileName, out.base64, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      message.success(t('clear.downloaded', { name: out.fileName }));
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  }
  return (
    <div data-testid="clearance-effects">
      {items.map((c) => {
        const kindText = c.collection === 'sanctions' ? t(`sanctionKind.${c.recordKind}`) : c.collection === 'measures' ? t(`measureKind.${c.recordKind}`) : t('timeline.fault');
        const revocation = c.clearance.kind === 'revocation';
        return (
          <div key={c.clearance.id} data-testid="clearance-effect" data-kind={c.clearance.kind} style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: 12, marginBottom: 12 }}>
            <Space wrap size={4} style={{ marginBottom: 6 }}>
              <Tag color={revocation ? 'orange' : 'cyan'}>{t(revocation ? 'timeline.revoked' : 'timeline.cleared')}</Tag>
              <Typography.Text strong>
                {kindText}
                {p.open}
                {c.recordDate}
                {p.close}
              </Typography.Text>
            </Space>
            <div style={{ fontSize: 12, color: '#595959', marginBottom: 6 }}>
              {t('clear.summary', {
                date: c.clearance.date,
                by: c.clearance.verifiedBy ?? '—',
                on: c.clearance.verifiedOn ?? '—',
                scope: c.clearance.scope ?? '—',
              })}
              {c.clearance.documentNo ? `${p.open}${c.clearance.documentNo}${p.close}` : ''}
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('clear.appliedWhileStood')}
            </Typography.Text>
            {c.effects.length === 0 ? (
              <div style={{ fontSize: 13 }} data-testid="clearance-no-effects">
                {t('clear.noEffects')}
              </div>
            ) : (
              <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                {c.effects.map((e, i) => (
                  <li key={i} data-testid="clearance-effect-item" data-type={e.type} style={{ fontSize: 13 }}>
                    <Tag style={{ marginRight: 6 }}>{t(`clear.effect.${e.type}`)}</Tag>
                    {pick(e.text, i18n.language)}
                  </li>
                ))}
              </ul>
            )}
            {!revocation && (
              <Button
                size="small"
                icon={<DownloadOutlined />}
                style={{ marginTop: 8 }}
                loading={busy === c.clearance.id}
                onClick={() => void download(c.clearance.id)}
                data-testid="clearance-notice"
              >
                {t('clear.notice')}
              </Button>
            )}
          </div>
        );
      })}
    </div>
  );
}
