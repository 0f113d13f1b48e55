// A month field ('YYYY-MM' in, 'YYYY-MM' out) shown as the UI language writes months: the as-of
// month in the header, the overview's month and the meeting page's period all use it.
import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';

export function MonthPicker({
  value,
  onChange,
  testId,
  style,
}: {
  value: string | null | undefined;
  onChange: (month: string) => void;
  testId?: string;
  style?: CSSProperties;
}) {
  const { i18n } = useTranslation();
  return (
    <DatePicker
      picker="month"
      allowClear={false}
      value={value ? dayjs(`${value}-01`) : null}
      onChange={(d) => d && onChange(d.format('YYYY-MM'))}
      format={i18n.language === 'en' ? 'MMM YYYY' : 'YYYY年MM月'}
      data-testid={testId}
      style={style}
    />
  );
}
