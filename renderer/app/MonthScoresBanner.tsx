// The banner on the overview, the tracker and the case file when the as-of month has no scores:
// the ranking rules cannot fire until they are entered. Whether the month has scores is the
// core's answer — the overview's own hasScores where the page has it, else session.info's
// latestScoredMonth (refetched when the ledger changes, so an import clears the banner).
import { Alert, Button } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../db/cache';
import { useAsOf } from './asOf';

/** The latest month with scores as the core says now (undefined until it answered). */
export function useLatestScoredMonth(): string | null | undefined {
  const info = useQuery('session.info', {});
  return info.data ? info.data.latestScoredMonth : undefined;
}

export function MonthScoresBanner({ hasScores, style }: { hasScores?: boolean; style?: CSSProperties }) {
  const { t } = useTranslation('app');
  const { asOf, setAsOf } = useAsOf();
  const latest = useLatestScoredMonth();
  if (!asOf || latest === undefined) return null;
  const without = hasScores === undefined ? latest === null || asOf > latest : !hasScores;
  if (!without) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="no-scores-banner"
      style={style}
      title={t('month.noScores', { month: asOf })}
      description={latest ? t('month.noScoresHint', { latest }) : t('month.noScoresAtAll')}
      action={
        latest && latest !== asOf ? (
          <Button size="small" onClick={() => setAsOf(latest)} data-testid="no-scores-go-latest">
            {t('month.goLatest', { latest })}
          </Button>
        ) : undefined
      }
    />
  );
}
