// Create or rename a unit. The draft survives a reload while the modal is open.
import { App, Form, Input, Modal, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../../shared/domain/records';
import { api } from '../../api/client';
import { DraftBanner } from '../../app/DraftBanner';
import { applyFieldErrors } from '../../app/formErrors';
import { useDraft } from '../../db/drafts';

interface Values {
  id?: string;
  name?: string;
}

export function UnitFormModal({ unit, onClose, onSaved }: { unit: Unit | null; onClose(): void; onSaved(u: Unit): void }) {
  const { t, i18n } = useTranslation('units');
  const tc = useTranslation('app').t;
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const draft = useDraft(unit ? `unit:edit:${unit.id}` : 'unit:new', form);
  const [busy, setBusy] = useState(false);

  async function submit() {
    const v = form.getFieldsValue(true) as Values;
    setBusy(true);
    try {
      const id = v.id?.trim() || undefined;
      const saved = unit
        ? await api.units.update({ id: unit.id, name: v.name ?? '' })
        : await api.units.create({ ...(id ? { id } : {}), name: v.name ?? '' });
      await draft.clear();
      message.success(t(unit ? 'updated' : 'created', { name: saved.name }));
      onSaved(saved);
    } catch (e) {
      const rest = applyFieldErrors(form, e, i18n.language, ['id', 'name']);
      if (rest.length) message.error(rest.join('；'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={unit ? t('editUnit') : t('newUnit')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={tc('common.save')}
      cancelText={tc('common.cancel')}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'unit-save' } as ButtonProps}
      destroyOnHidden
    >
      <DraftBanner draft={draft} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={unit ?? {}}
        onValuesChange={draft.onValuesChange}
        onFinish={() => void submit()}
        data-testid="unit-form"
      >
        <Form.Item name="id" label={t('id')} extra={unit ? undefined : t('idHint')}>
          <Input disabled={!!unit} data-testid="unit-id" />
        </Form.Item>
        <Form.Item name="name" label={t('name')} required>
          <Input autoFocus data-testid="unit-name" onPressEnter={() => void submit()} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
