import { beforeEach, describe, expect, it } from 'vitest';
import { useAsOf } from './asOf';

describe('the as-of month', () => {
  beforeEach(() => {
    sessionStorage.clear();
    useAsOf.setState({ asOf: null, source: null });
  });

  it('opens on the latest month with scores, else the host’s month', () => {
    useAsOf.getState().initFromSession({ today: '2026-12-01', latestScoredMonth: '2026-11' });
    expect(useAsOf.getState()).toMatchObject({ asOf: '2026-11', source: 'latestScored' });
    useAsOf.setState({ asOf: null, source: null });
    useAsOf.getState().initFromSession({ today: '2026-12-01', latestScoredMonth: null });
    expect(useAsOf.getState()).toMatchObject({ asOf: '2026-12', source: 'today' });
  });

  it('keeps the officer’s choice for the session, also when another ledger opens', () => {
    useAsOf.getState().initFromSession({ today: '2026-12-01', latestScoredMonth: '2026-11' });
    useAsOf.getState().setAsOf('2026-07');
    expect(sessionStorage.getItem('cadre-ledger.asOf')).toBe('2026-07');
    useAsOf.getState().initFromSession({ today: '2026-12-01', latestScoredMonth: '2026-10' });
    expect(useAsOf.getState()).toMatchObject({ asOf: '2026-07', source: 'chosen' });
  });

  it('follows the open ledger while nothing was chosen', () => {
    useAsOf.getState().initFromSession({ today: '2026-12-01', latestScoredMonth: null });
    useAsOf.getState().initFromSession({ today: '2026-12-01', latestScoredMonth: '2026-11' });
    expect(useAsOf.getState().asOf).toBe('2026-11');
  });
});
