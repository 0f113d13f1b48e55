// Safe entry for every form in the app. Required fields are antd rules (checked before anything is
// sent), and Enter in a date picker or a select only confirms the date or the option: the browser
// would also submit the form (implicit submission), which saved half-filled records. Ctrl+Enter or
// the primary button saves.
import type { Rule } from 'antd/es/form';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** "Required" as an antd rule, with the field's name in the UI language. */
export function useRequired() {
  const { t } = useTranslation('app');
  // `whitespace` for text fields: a reason of only spaces is no reason.
  return (field: string, opts: { text?: boolean } = {}): Rule[] => [
    { required: true, message: t('common.required', { field }), ...(opts.text ? { whitespace: true } : {}) },
  ];
}

/** The form's onKeyDown: Enter in a picker or select never submits; Ctrl+Enter does. */
export function onFormKeyDown(submit: () => void) {
  return (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== 'Enter') return;
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault();
      submit();
      return;
    }
    const target = e.target as HTMLElement;
    if (target.closest('.ant-picker, .ant-select, [role=combobox]')) e.preventDefault();
  };
}
