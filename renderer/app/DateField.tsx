// antd's DatePicker drops a typed date unless the user presses Enter or picks it in the panel.
// Officers type dates (任职时间 2021-03-15) and click Save: this keeps a valid typed date on blur.
import { DatePicker, type DatePickerProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';

dayjs.extend(customParseFormat);

const typedFormats = ['YYYY-MM-DD', 'YYYY/MM/DD', 'YYYY.MM.DD', 'YYYYMMDD', 'YYYY年M月D日'];

/** Parses what an officer types into a date field; undefined if it is not a real date. */
export function parseTypedDate(text: string): Dayjs | undefined {
  const t = text.trim();
  if (!t) return undefined;
  const d = dayjs(t, typedFormats, true);
  return d.isValid() ? d : undefined;
}

export function DateField(props: DatePickerProps) {
  const { onChange, onBlur, value } = props;
  return (
    <DatePicker
      format="YYYY-MM-DD"
      {...props}
      onBlur={(e, info) => {
        const typed = parseTypedDate((e.target as HTMLInputElement).value ?? '');
        if (typed && !(value && dayjs.isDayjs(value) && typed.isSame(value, 'day'))) {
          (onChange as ((d: Dayjs, s: string) => void) | undefined)?.(typed, typed.format('YYYY-MM-DD'));
        }
        onBlur?.(e, info);
      }}
    />
  );
}
