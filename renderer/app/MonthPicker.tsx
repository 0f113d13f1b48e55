// A month field ('YYYY-MM' in, 'YYYY-MM' out) shown as the UI language writes months: the header's
// as-of month and the meeting statistics' period use it. Typed months are read by parseMonthInput
// (2026-07, 2026年07月, 2026/7, 202607, Jul 2026) on Enter and on blur: antd alone only takes the
// display format.
import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import type { CSSProperties, FocusEvent, KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { parseMonthInput } from './monthInput';

export function MonthPicker({
  value,
  onChange,
  testId,
  style,
  ariaLabel,
}: {
  value: string | null | undefined;
  onChange: (month: string) => void;
  testId?: string;
  style?: CSSProperties;
  ariaLabel?: string;
}) {
  const { i18n } = useTranslation();
  const typed = (input: HTMLInputElement) => {
    const month = parseMonthInput(input.value ?? '');
    if (month && month !== value) onChange(month);
    return month;
  };
  return (
    <DatePicker
      picker="month"
      allowClear={false}
      value={value ? dayjs(`${value}-01`) : null}
      onChange={(d) => d && onChange(d.format('YYYY-MM'))}
      format={i18n.language === 'en' ? 'MMM YYYY' : 'YYYY年MM月'}
      data-testid={testId}
      aria-label={ariaLabel}
      style={style}
      onKeyDown={(e: KeyboardEvent<HTMLElement>) => {
        if (e.key === 'Enter' && e.target instanceof HTMLInputElement && typed(e.target)) e.target.blur();
      }}
      onBlur={(e: FocusEvent<HTMLElement>) => {
        if (e.target instanceof HTMLInputElement) typed(e.target);
      }}
    />
  );
}
