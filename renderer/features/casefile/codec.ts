// Stored record ⇄ antd form values for the plain fields of a record (dates as dayjs in the form).
import dayjs, { type Dayjs } from 'dayjs';

type Values = Record<string, unknown>;

/** Field values to a record: dates formatted, text trimmed, empty values left out. */
export function plainCodec(names: string[], dates: string[]) {
  return {
    toValues(record: Values): Values {
      const out: Values = {};
      for (const n of names) {
        const v = record[n];
        out[n] = dates.includes(n) && typeof v === 'string' ? dayjs(v) : v;
      }
      return out;
    },
    toRecord(values: Values, record: Values): Values {
      const out: Values = {};
      for (const [k, v] of Object.entries(record)) if (k !== 'id' && !names.includes(k)) out[k] = v;
      for (const n of names) {
        let v = values[n];
        if (dayjs.isDayjs(v)) v = (v as Dayjs).format('YYYY-MM-DD');
        if (typeof v === 'string') v = v.trim();
        if (v === undefined || v === null || v === '') continue;
        out[n] = v;
      }
      return out;
    },
  };
}


const day = (v: unknown): string | undefined => (dayjs.isDayjs(v) ? (v as Dayjs).format('YYYY-MM-DD') : undefined);
const dj = (v: unknown): Dayjs | undefined => (typeof v === 'string' && v ? dayjs(v) : undefined);

// A plan's training items and scheduled reviews are lists of dated rows in the form (Form.List).
const planPlain = ['assignment', 'startsOn', 'post', 'place', 'fitReason', 'mentor', 'goals'];
const planBase = plainCodec(planPlain, ['startsOn']);
export const planCodec = {
  names: [...planPlain, 'training', 'scheduledReviews'],
  toValues(record: Values): Values {
    const training = (record.training as Array<Record<string, unknown>> | undefined) ?? [];
    return {
      ...planBase.toValues(record),
      training: training.map((x) => ({ ...x, from: dj(x.from), to: dj(x.to) })),
      scheduledReviews: ((record.scheduledReviews as string[] | undefined) ?? []).map((d) => dayjs(d)),
    };
  },
  toRecord(values: Values, record: Values): Values {
    const out = planBase.toRecord(values, record);
    const training = ((values.training as Array<Record<string, unknown>> | undefined) ?? []).filter(Boolean);
    out.training = training.map((x) => {
      const to = day(x.to);
      return { item: String(x.item ?? '').trim(), from: day(x.from), ...(to ? { to } : {}), completed: !!x.completed };
    });
    out.scheduledReviews = ((values.scheduledReviews as unknown[] | undefined) ?? []).map(day).filter(Boolean).sort();
    return out;
  },
};
