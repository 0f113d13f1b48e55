// The save step every dialog form shares: validate the fields (antd rules), then run the write with
// the button busy; a refusal from the core puts its field errors on the fields and the rest in
// `general` (shown above the form). Nothing is lost: the form keeps what was typed.
import type { FormInstance } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors } from './formErrors';

export function useFormSubmit<V>(form: FormInstance<V>, fieldNames: string[]) {
  const { i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [general, setGeneral] = useState<string[]>([]);
  async function submit(save: (values: V) => Promise<void>): Promise<void> {
    let values: V;
    try {
      values = await form.validateFields();
    } catch {
      return; // antd shows the field messages
    }
    setBusy(true);
    setGeneral([]);
    try {
      await save(values);
    } catch (e) {
      setGeneral(applyFieldErrors(form as never, e, i18n.language, fieldNames));
    } finally {
      setBusy(false);
    }
  }
  return { busy, general, submit };
}
