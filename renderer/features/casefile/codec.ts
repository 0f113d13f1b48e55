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

