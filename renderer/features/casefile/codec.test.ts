import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { planCodec, plainCodec } from './codec';

describe('plainCodec', () => {
  const sanction = plainCodec(['kind', 'decidedOn', 'reason', 'releasedOn'], ['decidedOn', 'releasedOn']);
  const stored = { id: 'S000001', cadreId: 'C00001', kind: 'admin.demerit', decidedOn: '2026-03-01', reason: '违纪', releasedOn: '2027-03-01' };

  it('gives the form dates as dayjs and takes them back as YYYY-MM-DD', () => {
    const v = sanction.toValues(stored);
    expect(dayjs.isDayjs(v.decidedOn)).toBe(true);
    expect(sanction.toRecord(v, stored)).toEqual({ cadreId: 'C00001', kind: 'admin.demerit', decidedOn: '2026-03-01', reason: '违纪', releasedOn: '2027-03-01' });
  });

  it('keeps the fields not on the form, trims text and drops a field the officer emptied', () => {
    const v = { ...sanction.toValues(stored), reason: '  违反工作纪律 ', releasedOn: null };
    expect(sanction.toRecord(v, stored)).toEqual({ cadreId: 'C00001', kind: 'admin.demerit', decidedOn: '2026-03-01', reason: '违反工作纪律' });
  });
});

describe('planCodec', () => {
  it('round-trips training rows and review dates (sorted), keeping what the form does not show', () => {
    const plan = {
      id: 'R000001',
      cadreId: 'C00001',
      measureId: 'M000001',
      status: 'active',
      assignment: 'ruralRevitalization',
      startsOn: '2026-01-01',
      post: '工作队队员',
      training: [{ item: '专题培训', from: '2026-02-01', completed: true }],
      scheduledReviews: ['2026-12-01', '2026-06-01'],
      reviews: [{ date: '2026-06-01', result: 'positive', evidence: '好', by: '' }],
    };
    const back = planCodec.toRecord(planCodec.toValues(plan), plan);
    expect(back.training).toEqual([{ item: '专题培训', from: '2026-02-01', completed: true }]);
    expect(back.scheduledReviews).toEqual(['2026-06-01', '2026-12-01']);
    expect(back.reviews).toEqual(plan.reviews);
    expect(back.status).toBe('active');
    expect(back).not.toHaveProperty('id');
  });
});
