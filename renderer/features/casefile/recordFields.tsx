// Form fields of the newer record kinds — fault (容错纠错), clearance (澄清正名), check-in (回访谈话)
// and rehabilitation plan (帮扶计划) — shared by their entry forms and their corrections, with the
// conversion between a stored record and form values.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Col, Form, Input, Radio, Row, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { rehabAssignments } from '../../../shared/domain/records';
import { DateField } from '../../app/DateField';
import { useRequired } from './forms';
import { plainCodec } from './codec';
export { planCodec } from './codec';

type Values = Record<string, unknown>;


// ---- fault (容错纠错) -----------------------------------------------------------------------------

/** The three distinctions (三个区分开来): the record's flag and its evidence field. */
export const distinctions = [
  { flag: 'intentional', evidence: 'intentionalEvidence' },
  { flag: 'personalInterest', evidence: 'personalInterestEvidence' },
  { flag: 'violation', evidence: 'violationEvidence' },
] as const;

export function FaultFields({ evidenceRequired }: { evidenceRequired?: boolean }) {
  const { t } = useTranslation('casefile');
  const required = useRequired();
  return (
    <>
      <Form.Item name="date" label={t('fault.date')} rules={required(t('fault.date'))}>
        <DateField style={{ width: '100%' }} data-testid="fault-date" />
      </Form.Item>
      <Form.Item name="description" label={t('fault.description')} rules={required(t('fault.description'), { text: true })}>
        <Input.TextArea rows={2} maxLength={1000} data-testid="fault-description" />
      </Form.Item>
      {distinctions.map((d) => (
        <div key={d.flag} style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '8px 12px 0', marginBottom: 12 }}>
          <Form.Item
            name={d.flag}
            label={t(`fault.distinction.${d.flag}`)}
            rules={required(t(`fault.distinction.${d.flag}`))}
            style={{ marginBottom: 8 }}
          >
            <Radio.Group data-testid={`fault-${d.flag}`}>
              <Radio value={true} data-testid={`fault-${d.flag}-yes`}>
                {t(`fault.distinctionYes.${d.flag}`)}
              </Radio>
              <Radio value={false} data-testid={`fault-${d.flag}-no`}>
                {t(`fault.distinctionNo.${d.flag}`)}
              </Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item name={d.evidence} label={t('fault.evidence')} rules={evidenceRequired ? required(t('fault.evidence'), { text: true }) : []} style={{ marginBottom: 8 }}>
            <Input.TextArea rows={1} autoSize={{ minRows: 1, maxRows: 3 }} maxLength={1000} data-testid={`fault-${d.flag}-evidence`} />
          </Form.Item>
        </div>
      ))}
    </>
  );
}

const faultNames = ['date', 'description', ...distinctions.flatMap((d) => [d.flag, d.evidence])];
export const faultCodec = { names: faultNames, ...plainCodec(faultNames, ['date']) };

// ---- clearance (澄清正名) / revocation (撤销) ------------------------------------------------------

export function ClearanceFields({ withKind }: { withKind?: boolean }) {
  const { t } = useTranslation('casefile');
  const required = useRequired();
  const form = Form.useFormInstance();
  const kind = (Form.useWatch('kind', form) as string | undefined) ?? 'clearance';
  const revocation = kind === 'revocation';
  return (
    <>
      {withKind && (
        <Form.Item name="kind" label={t('clear.kind')}>
          <Radio.Group data-testid="clear-kind">
            <Radio.Button value="clearance">{t('clear.kindClearance')}</Radio.Button>
            <Radio.Button value="revocation" data-testid="clear-kind-revocation">
              {t('clear.kindRevocation')}
            </Radio.Button>
          </Radio.Group>
        </Form.Item>
      )}
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 12 }}>
        <div style={{ minWidth: 0 }}>
          <Form.Item name="verifiedBy" label={revocation ? t('clear.revokedBy') : t('clear.verifiedBy')} rules={required(revocation ? t('clear.revokedBy') : t('clear.verifiedBy'), { text: true })}>
            <Input maxLength={100} data-testid="clear-verified-by" />
          </Form.Item>
        </div>
        <div style={{ minWidth: 0 }}>
          <Form.Item name="verifiedOn" label={revocation ? t('clear.revokedOn') : t('clear.verifiedOn')} rules={required(revocation ? t('clear.revokedOn') : t('clear.verifiedOn'))}>
            <DateField style={{ width: '100%' }} data-testid="clear-verified-on" />
          </Form.Item>
        </div>
      </div>
      <Form.Item name="scope" label={t('clear.scope')} extra={t('clear.scopeHint')} rules={revocation ? [] : required(t('clear.scope'), { text: true })}>
        <Input maxLength={500} data-testid="clear-scope" />
      </Form.Item>
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 12 }}>
        <div style={{ minWidth: 0 }}>
          <Form.Item name="date" label={t('clear.date')} rules={required(t('clear.date'))}>
            <DateField style={{ width: '100%' }} data-testid="clear-date" />
          </Form.Item>
        </div>
        <div style={{ minWidth: 0 }}>
          <Form.Item name="documentNo" label={t('field.documentNo')}>
            <Input maxLength={100} data-testid="clear-document" />
          </Form.Item>
        </div>
      </div>
      <Form.Item name="note" label={t('field.note')}>
        <Input.TextArea rows={2} maxLength={1000} data-testid="clear-note" />
      </Form.Item>
    </>
  );
}

// ---- check-in (谈心谈话/回访) ---------------------------------------------------------------------

const checkInTexts = ['thoughts', 'workState', 'concerns', 'support'] as const;

export function CheckInFields({ fixedDate }: { fixedDate?: string }) {
  const { t } = useTranslation('casefile');
  const required = useRequired();
  return (
    <>
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 12 }}>
        <div style={{ minWidth: 0 }}>
          {fixedDate ? (
            <Form.Item label={t('checkIn.date')}>
              <Input value={fixedDate} disabled />
            </Form.Item>
          ) : (
            <Form.Item name="date" label={t('checkIn.date')} rules={required(t('checkIn.date'))}>
              <DateField style={{ width: '100%' }} data-testid="checkin-date" />
            </Form.Item>
          )}
        </div>
        <div style={{ minWidth: 0 }}>
          <Form.Item name="talkedBy" label={t('checkIn.talkedBy')} rules={required(t('checkIn.talkedBy'), { text: true })}>
            <Input maxLength={50} data-testid="checkin-talked-by" />
          </Form.Item>
        </div>
      </div>
      {checkInTexts.map((k) => (
        <Form.Item key={k} name={k} label={t(`checkIn.${k}`)} rules={k === 'thoughts' || k === 'workState' ? required(t(`checkIn.${k}`), { text: true }) : []} style={{ marginBottom: 12 }}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} data-testid={`checkin-${k}`} />
        </Form.Item>
      ))}
    </>
  );
}

const checkInNames = ['date', 'talkedBy', ...checkInTexts];
export const checkInCodec = { names: checkInNames, ...plainCodec(checkInNames, ['date']) };

// ---- rehabilitation plan (帮扶计划) ----------------------------------------------------------------

export function PlanFields() {
  const { t } = useTranslation('casefile');
  const required = useRequired();
  return (
    <>
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 12 }}>
        <div style={{ minWidth: 0 }}>
          <Form.Item name="assignment" label={t('plan.assignment')} rules={required(t('plan.assignment'))}>
            <Select data-testid="plan-assignment" options={rehabAssignments.map((a) => ({ value: a, label: t(`assignment.${a}`) }))} />
          </Form.Item>
        </div>
        <div style={{ minWidth: 0 }}>
          <Form.Item name="startsOn" label={t('plan.startsOn')} rules={required(t('plan.startsOn'))}>
            <DateField style={{ width: '100%' }} data-testid="plan-starts" />
          </Form.Item>
        </div>
        <div style={{ minWidth: 0 }}>
          <Form.Item name="post" label={t('plan.post')} rules={required(t('plan.post'), { text: true })}>
            <Input maxLength={100} data-testid="plan-post" />
          </Form.Item>
        </div>
        <div style={{ minWidth: 0 }}>
          <Form.Item name="place" label={t('plan.place')} rules={required(t('plan.place'), { text: true })}>
            <Input maxLength={100} data-testid="plan-place" />
          </Form.Item>
        </div>
      </div>
      <Form.Item name="fitReason" label={t('plan.fitReason')} rules={required(t('plan.fitReason'), { text: true })}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} data-testid="plan-fit" />
      </Form.Item>
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 2fr', columnGap: 12 }}>
        <div style={{ minWidth: 0 }}>
          <Form.Item name="mentor" label={t('plan.mentor')} rules={required(t('plan.mentor'), { text: true })}>
            <Input maxLength={50} data-testid="plan-mentor" />
          </Form.Item>
        </div>
        <div style={{ minWidth: 0 }}>
          <Form.Item name="goals" label={t('plan.goals')} rules={required(t('plan.goals'), { text: true })}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} data-testid="plan-goals" />
          </Form.Item>
        </div>
      </div>
      <Typography.Text strong>{t('plan.training')}</Typography.Text>
      <Form.List name="training">
        {(items, { add, remove }) => (
          <div style={{ marginTop: 4, marginBottom: 12 }}>
            {items.map((item) => (
              <Space key={item.key} align="baseline" wrap style={{ display: 'flex', marginBottom: 4 }} data-testid="plan-training-row">
                <Form.Item name={[item.name, 'item']} rules={required(t('plan.trainingItem'), { text: true })} style={{ marginBottom: 4 }}>
                  <Input placeholder={t('plan.trainingItem')} style={{ width: 200 }} maxLength={200} data-testid="plan-training-item" />
                </Form.Item>
                <Form.Item name={[item.name, 'from']} rules={required(t('plan.trainingFrom'))} style={{ marginBottom: 4 }}>
                  <DateField placeholder={t('plan.trainingFrom')} style={{ width: 130 }} data-testid="plan-training-from" />
                </Form.Item>
                <Form.Item name={[item.name, 'to']} style={{ marginBottom: 4 }}>
                  <DateField placeholder={t('plan.trainingTo')} style={{ width: 130 }} />
                </Form.Item>
                <Form.Item name={[item.name, 'completed']} valuePropName="checked" style={{ marginBottom: 4 }}>
                  <Checkbox>{t('plan.trainingCompleted')}</Checkbox>
                </Form.Item>
                <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(item.name)} aria-label={t('plan.remove')} />
              </Space>
            ))}
            <Button size="small" icon={<PlusOutlined />} onClick={() => add({ completed: false })} data-testid="plan-training-add">
              {t('plan.trainingAdd')}
            </Button>
          </div>
        )}
      </Form.List>
      <Typography.Text strong>{t('plan.scheduledReviews')}</Typography.Text>
      <Form.List name="scheduledReviews">
        {(items, { add, remove }) => (
          <Space wrap style={{ display: 'flex', marginTop: 4, marginBottom: 12 }}>
            {items.map((item) => (
              <Space.Compact key={item.key}>
                <Form.Item name={item.name} noStyle rules={required(t('plan.scheduledReviews'))}>
                  <DateField style={{ width: 130 }} data-testid="plan-review-date" />
                </Form.Item>
                <Button icon={<DeleteOutlined />} onClick={() => remove(item.name)} aria-label={t('plan.remove')} />
              </Space.Compact>
            ))}
            <Button size="small" icon={<PlusOutlined />} onClick={() => add()} data-testid="plan-review-add">
              {t('plan.reviewAdd')}
            </Button>
          </Space>
        )}
      </Form.List>
    </>
  );
}
