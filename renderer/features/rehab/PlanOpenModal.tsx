// 制定帮扶计划: opening a plan from a demotion, removal, transitional placement or position
// adjustment. The form is pre-filled from the core's draft (rehab.draftFromMeasure); saving opens
// the plan and goes to its page.
import { Alert, Form, Input, Modal, Spin } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanDraft } from '../../../shared/contract/rehab';
import { api } from '../../api/client';
import { navigate } from '../../app/router';
import { pick } from '../../i18n';
import { RecordModal } from '../casefile/forms';
import { PlanFields, planCodec } from '../casefile/recordFields';
import { useLiveQuery } from '../casefile/useLiveQuery';

export function PlanOpenModal({ measureId, onClose }: { measureId: string; onClose(): void }) {
  const { t, i18n } = useTranslation('rehab');
  const draft = useLiveQuery('rehab.draftFromMeasure', { measureId });
  if (!draft.data) {
    return (
      <Modal open title={t('open.title')} onCancel={onClose} footer={null} destroyOnHidden>
        {draft.error ? <Alert type="error" showIcon title={pick(draft.error.bilingual, i18n.language)} data-testid="plan-draft-error" /> : <Spin style={{ display: 'block', margin: 24 }} />}
      </Modal>
    );
  }
  return <PlanOpenForm draft={draft.data} onClose={onClose} />;
}

function PlanOpenForm({ draft, onClose }: { draft: PlanDraft; onClose(): void }) {
  const { t } = useTranslation('rehab');
  const tk = useTranslation('casefile').t;
  const opened = useRef<string | null>(null);
  const initialValues = planCodec.toValues(draft as unknown as Record<string, unknown>);
  return (
    <RecordModal
      open
      onClose={() => {
        onClose();
        if (opened.current) navigate(`/rehab/${encodeURIComponent(opened.current)}`);
      }}
      title={t('open.titleFrom', { kind: tk(`measureKind.${draft.measureKind}`) })}
      formId={`rehab:open:${draft.measureId}`}
      fieldNames={[...planCodec.names, 'measureId', 'cadreId']}
      initialValues={initialValues}
      testId="plan-form"
      okText={t('open.save')}
      confirmsDuplicates
      submit={async (v, options) => {
        const r = planCodec.toRecord(v, {}) as Record<string, unknown>;
        const plan = await api.rehab.open({
          cadreId: draft.cadreId,
          measureId: draft.measureId,
          assignment: r.assignment as PlanDraft['assignment'],
          startsOn: (r.startsOn as string) ?? '',
          post: String(r.post ?? ''),
          place: String(r.place ?? ''),
          fitReason: String(r.fitReason ?? ''),
          mentor: String(r.mentor ?? ''),
          goals: String(r.goals ?? ''),
          training: r.training as PlanDraft['training'],
          scheduledReviews: r.scheduledReviews as string[],
          ...options,
        });
        opened.current = plan.id;
      }}
    >
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('open.intro')} />
      {draft.cadrePosition && (
        <Form.Item label={t('open.previousPosition')}>
          <Input value={draft.cadrePosition} disabled />
        </Form.Item>
      )}
      <PlanFields />
    </RecordModal>
  );
}
