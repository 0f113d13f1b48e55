// The merged timeline of a case file, newest first. A plain list (not antd Timeline) so that ten
// years of monthly scores render quickly; cleared records stay, greyed and tagged, with no effect.
import { Button, Segmented, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImpactPeriodView, TimelineEntry } from '../../../shared/contract/casefile';
import { lastDayOfPeriod } from '../../../shared/views/dates';
import { usePunct } from './FindingsPanel';

const PAGE = 40;

// Plain spans styled like antd tags: a ten-year timeline has hundreds of them, and antd's Tag
// (a component with its own style hooks) is what made long case files slow to render.
const pillColors: Record<string, [fg: string, bg: string, border: string]> = {
  default: ['rgba(0,0,0,0.88)', '#fafafa', '#d9d9d9'],
  green: ['#389e0d', '#f6ffed', '#b7eb8f'],
  red: ['#cf1322', '#fff1f0', '#ffa39e'],
  blue: ['#0958d9', '#e6f4ff', '#91caff'],
  purple: ['#531dab', '#f9f0ff', '#d3adf7'],
};
function Tag({ color = 'default', children, ...rest }: { color?: string; children: ReactNode; 'data-testid'?: string }) {
  const [fg, bg, border] = pillColors[color] ?? pillColors.default;
  return (
    <span
      {...rest}
      style={{ display: 'inline-block', fontSize: 12, lineHeight: '20px', padding: '0 7px', marginInlineEnd: 8, color: fg, background: bg, border: `1px solid ${border}`, borderRadius: 4 }}
    >
      {children}
    </span>
  );
}

const thirdColor: Record<string, string> = { top: '#389e0d', middle: '#1677ff', bottom: '#cf1322', none: '#8c8c8c' };
const positiveMeasures = new Set(['salaryRaise', 'commendation', 'merit3', 'promotion', 'identityTransfer']);
/** Measures that run for a while (the rest are one-off acts: a talk, a commendation, a promotion). */
const lastingMeasures = new Set([
  'warning',
  'probation',
  'transitionalPlacement',
  'trialPeriod',
  'trialExtension',
  'salaryDeduction',
  'performanceDeduction',
  'honoursDisqualification',
  'inquiry',
  'downwardExchange',
]);
const lightMeasures = new Set(['reminderTalk', 'inquiry', 'trialPeriod', 'trialExtension', 'performanceDeduction', 'salaryDeduction']);

/** The impact period as a bar: elapsed part filled, the reference date as the cut. */
export function PeriodBar({ period, referenceDate }: { period: ImpactPeriodView; referenceDate: string }) {
  const { t } = useTranslation('casefile');
  const total = Math.max(1, dayjs(period.end).diff(dayjs(period.start), 'day'));
  const done = Math.min(total, Math.max(0, dayjs(referenceDate).diff(dayjs(period.start), 'day')));
  const pct = Math.round((done / total) * 100);
  return (
    <div style={{ maxWidth: 360, marginTop: 4 }} data-testid="period-bar">
      <div style={{ height: 8, background: '#f0f0f0', borderRadius: 4, overflow: 'hidden' }}>
        <div style={{ width: `${pct}%`, height: '100%', background: period.active ? '#cf1322' : '#bfbfbf' }} />
      </div>
      <div style={{ display: 'flex', justifyContent: 'space-between', fontSize: 12, color: '#8c8c8c' }}>
        <span>{period.start}</span>
        <span>{period.active ? t('timeline.periodActive') : t('timeline.periodEnded')}</span>
        <span>{lastDayOfPeriod(period.end)}</span>
      </div>
    </div>
  );
}

interface EntryView {
  title: ReactNode;
  color: string;
  tags: ReactNode[];
  detail?: ReactNode;
}

/** How a record stands (the core's word): in force, cleared (澄清), revoked (撤销) or voided (作废). */
export type Standing = 'inForce' | 'cleared' | 'revoked' | 'voided';
export function standingOf(e: TimelineEntry): Standing {
  return e.standing ?? (e.cleared ? (e.clearedBy?.kind === 'revocation' ? 'revoked' : 'cleared') : 'inForce');
}

// Three marks that look different: voided is grey and struck through, cleared is cyan, revoked orange.
const standingStyle: Record<Exclude<Standing, 'inForce'>, { fg: string; bg: string; border: string; opacity: number; strike: boolean }> = {
  voided: { fg: '#595959', bg: '#f0f0f0', border: '#bfbfbf', opacity: 0.45, strike: true },
  cleared: { fg: '#08979c', bg: '#e6fffb', border: '#87e8de', opacity: 0.6, strike: true },
  revoked: { fg: '#d46b08', bg: '#fff7e6', border: '#ffd591', opacity: 0.6, strike: true },
};

function StandingMark({ standing }: { standing: Exclude<Standing, 'inForce'> }) {
  const { t } = useTranslation('casefile');
  const st = standingStyle[standing];
  return (
    <span
      data-testid="standing-tag"
      data-standing={standing}
      style={{ display: 'inline-block', fontSize: 12, lineHeight: '20px', padding: '0 7px', marginInlineEnd: 8, color: st.fg, background: st.bg, border: `1px ${standing === 'voided' ? 'dashed' : 'solid'} ${st.border}`, borderRadius: 4, fontWeight: 500 }}
    >
      {t(`timeline.${standing}`)}
    </span>
  );
}

export function Timeline({
  entries,
  referenceDate,
  actions,
}: {
  entries: TimelineEntry[];
  referenceDate: string;
  /** The row's actions (更正/作废/历史/…); given the entry and its title in words. */
  actions?(entry: TimelineEntry, label: string): ReactNode;
}) {
  const { t } = useTranslation('casefile');
  const td = useTranslation('domain').t;
  const p = usePunct();
  const [shown, setShown] = useState(PAGE);
  const [filter, setFilter] = useState<'all' | 'noScores'>('all');

  const visible = useMemo(() => (filter === 'all' ? entries : entries.filter((e) => e.collection !== 'scores')), [entries, filter]);

  // What a clearance points at, in words.
  const titleOfRecord = useMemo(() => {
    const m = new Map<string, string>();
    for (const e of entries) {
      const id = String(e.record.id);
      if (e.collection === 'sanctions') m.set(id, `${t(`sanctionKind.${e.kind}`)}${p.open}${e.date}${p.close}`);
      else if (e.collection === 'measures') m.set(id, `${t(`measureKind.${e.kind}`)}${p.open}${e.date}${p.close}`);
      else if (e.collection === 'scores') m.set(id, `${t('timeline.score', { score: e.record.score })}${p.open}${e.date}${p.close}`);
      else if (e.collection === 'faults') m.set(id, `${t('timeline.fault')}${p.open}${e.date}${p.close}`);
      else if (e.collection === 'grades') m.set(id, t('timeline.grade', { year: e.date, grade: td(`grade.${e.kind}`) }));
    }
    return m;
  }, [entries, t, td, p.open, p.close]);

  function view(e: TimelineEntry): EntryView {
    const r = e.record as Record<string, string | number | boolean | undefined>;
    switch (e.collection) {
      case 'scores': {
        const rank = e.rank;
        const third = rank?.third ?? 'none';
        return {
          title: t('timeline.score', { score: r.score }),
          color: thirdColor[third],
          tags: rank
            ? [
                <Tag key="rank" color={third === 'top' ? 'green' : third === 'bottom' ? 'red' : undefined} data-testid="rank-tag">
                  {third === 'none'
                    ? t('rankTextNoThird', { rank: rank.rank, n: rank.n })
                    : t('rankText', { rank: rank.rank, n: rank.n, third: t(`third.${third}`) })}
                </Tag>,
              ]
            : [],
        };
      }
      case 'grades':
        return {
          title: t('timeline.grade', { year: e.date, grade: td(`grade.${e.kind}`) }),
          color: e.kind === 'excellent' ? '#389e0d' : e.kind === 'basic' || e.kind === 'incompetent' ? '#cf1322' : '#1677ff',
          tags: [],
        };
      case 'sanctions':
        return {
          title: t(`sanctionKind.${e.kind}`),
          color: '#cf1322',
          tags: r.releasedOn ? [<Tag key="rel">{t('timeline.released', { date: r.releasedOn })}</Tag>] : [],
          detail: (
            <>
              {r.reason ? <div>{String(r.reason)}</div> : null}
              {e.period && !e.cleared && (
                <>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('timeline.period', { start: e.period.start, end: lastDayOfPeriod(e.period.end) })}
                  </Typography.Text>
                  <PeriodBar period={e.period} referenceDate={referenceDate} />
                </>
              )}
            </>
          ),
        };
      case 'measures': {
        const team = r.subjectType === 'unit';
        const tags: ReactNode[] = [];
        if (team) tags.push(<Tag key="team" color="purple">{t('timeline.team')}</Tag>);
        if (r.endsOn) tags.push(<Tag key="until">{t('timeline.until', { date: r.endsOn })}</Tag>);
        if (r.reviewOn) tags.push(<Tag key="review" data-testid="review-on-tag">{t('timeline.reviewOn', { date: r.reviewOn })}</Tag>);
        else if (lastingMeasures.has(e.kind) && !r.outcome) tags.push(<Tag key="until">{t('timeline.ongoing')}</Tag>);
        if (r.outcome) {
          tags.push(
            <Tag key="out" color={r.outcome === 'notImproved' ? 'red' : 'green'}>
              {t('timeline.outcome', { outcome: t(`outcome.${r.outcome}`) })}
            </Tag>,
          );
        }
        if (r.findingKey) tags.push(<Tag key="f" color="blue">{t('timeline.fromFinding')}</Tag>);
        return {
          title: t(`measureKind.${e.kind}`),
          color: positiveMeasures.has(e.kind) ? '#389e0d' : lightMeasures.has(e.kind) ? '#d48806' : '#d4380d',
          tags,
          detail: r.note ? <div style={{ whiteSpace: 'pre-wrap' }}>{String(r.note)}</div> : undefined,
        };
      }
      case 'faults': {
        const flags: ReactNode[] = [];
        if (r.decision) flags.push(<Tag key="dec" color={r.decision === 'tolerated' ? 'green' : r.decision === 'lightened' ? 'blue' : 'red'}>{t(`fault.decision.${r.decision}`)}</Tag>);
        else if (r.tolerated) flags.push(<Tag key="tol" color="green">{t('timeline.faultTolerated')}</Tag>);
        if (r.intentional) flags.push(<Tag key="int" color="red">{t('timeline.faultIntentional')}</Tag>);
        if (r.personalInterest) flags.push(<Tag key="pi" color="red">{t('timeline.faultPersonal')}</Tag>);
        if (r.violation) flags.push(<Tag key="vio" color="red">{t('timeline.faultViolation')}</Tag>);
        return { title: t('timeline.fault'), color: '#d48806', tags: flags, detail: r.description ? String(r.description) : undefined };
      }
      case 'clearances': {
        const record = titleOfRecord.get(String(r.recordId)) ?? String(r.recordId);
        return {
          title: t(e.kind === 'revocation' ? 'timeline.revocation' : 'timeline.clearance', { record }),
          color: '#13c2c2',
          tags: [],
          detail: r.note ? String(r.note) : undefined,
        };
      }
      case 'rehabPlans':
        return {
          title: t('timeline.rehabPlan', { assignment: t(`assignment.${r.assignment}`), status: t(`rehabStatus.${r.status}`) }),
          color: '#389e0d',
          tags: [],
        };
      case 'checkIns':
        return {
          title: r.talkedBy ? t('timeline.checkInBy', { by: r.talkedBy }) : t('timeline.checkIn'),
          color: '#389e0d',
          tags: [],
          detail: r.thoughts || r.note ? String(r.thoughts || r.note) : undefined,
        };
    }
  }

  if (entries.length === 0) return <Typography.Text type="secondary">{t('timeline.empty')}</Typography.Text>;
  return (
    <div data-testid="timeline">
      <Segmented
        size="small"
        style={{ marginBottom: 12 }}
        value={filter}
        onChange={(v) => setFilter(v as 'all' | 'noScores')}
        options={[
          { value: 'all', label: t('timeline.filterAll') },
          { value: 'noScores', label: t('timeline.filterNoScores') },
        ]}
      />
      <ol style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {visible.slice(0, shown).map((e) => {
          const v = view(e);
          const standing = standingOf(e);
          const cleared = standing !== 'inForce';
          const label = `${e.date} ${typeof v.title === 'string' ? v.title : ''}`.trim();
          return (
            <li
              key={e.key}
              data-testid="timeline-entry"
              data-collection={e.collection}
              data-kind={e.kind}
              data-id={String(e.record.id ?? '')}
              data-cleared={cleared ? 'true' : 'false'}
              data-standing={standing}
              style={{
                display: 'flex',
                gap: 12,
                padding: '6px 0',
                borderBottom: '1px solid #f5f5f5',
                background: standing === 'voided' ? '#fafafa' : undefined,
                // Rows below the fold are laid out and painted only when scrolled to.
                contentVisibility: 'auto',
                containIntrinsicSize: 'auto 33px',
              }}
            >
              <span style={{ width: 84, flex: 'none', color: '#8c8c8c', fontVariantNumeric: 'tabular-nums' }}>{e.date}</span>
              <span
                aria-hidden
                style={{ width: 10, height: 10, borderRadius: 5, marginTop: 6, flex: 'none', background: cleared ? '#bfbfbf' : v.color }}
              />
              <div style={{ minWidth: 0, flex: 1 }}>
                <div style={{ opacity: cleared ? standingStyle[standing as Exclude<Standing, 'inForce'>].opacity : 1 }}>
                  <span style={{ fontWeight: 500, textDecoration: cleared ? 'line-through' : undefined, marginRight: 8 }}>{v.title}</span>
                  {!cleared && v.tags}
                  {(e.corrections ?? 0) > 0 && (
                    <Tag data-testid="corrected-tag">{t('timeline.corrected', { count: e.corrections })}</Tag>
                  )}
                </div>
                {cleared && (
                  <div>
                    <StandingMark standing={standing as Exclude<Standing, 'inForce'>} />
                  </div>
                )}
                {v.detail && <div style={{ color: '#595959', fontSize: 13, opacity: cleared ? 0.6 : 1 }}>{v.detail}</div>}
                {standing === 'voided' && e.voided && (
                  <div style={{ fontSize: 12, color: '#8c8c8c' }} data-testid="voided-by">
                    {t('timeline.voidedBy', { date: e.voided.date, by: e.voided.by, reason: e.voided.reason })}
                  </div>
                )}
                {standing !== 'voided' && e.lastCorrection && (
                  <div style={{ fontSize: 12, color: '#8c8c8c' }}>
                    {t('timeline.correctedBy', { date: e.lastCorrection.date, by: e.lastCorrection.by, reason: e.lastCorrection.reason })}
                  </div>
                )}
                {cleared && standing !== 'voided' && e.clearedBy && (
                  <div style={{ fontSize: 12, color: '#8c8c8c' }}>
                    {t('timeline.clearedBy', {
                      date: e.clearedBy.date,
                      kind: t(e.clearedBy.kind === 'revocation' ? 'timeline.revoked' : 'timeline.cleared'),
                      note: e.clearedBy.note || t('timeline.noEffect'),
                    })}
                  </div>
                )}
              </div>
              {actions && <span style={{ flex: 'none', whiteSpace: 'nowrap', paddingTop: 2 }}>{actions(e, label)}</span>}
            </li>
          );
        })}
      </ol>
      {visible.length > shown && (
        <Button type="link" onClick={() => setShown((s) => s + PAGE * 2)} data-testid="timeline-more">
          {t('timeline.showMore', { count: visible.length - shown })}
        </Button>
      )}
    </div>
  );
}
