// After a probation or team probation closed as not improved: every remaining rung of the ladder
// (the core's options, in ladder order), and for a team its members — to name in the team measure
// or to give an individual measure. Choosing opens the measure form pre-filled with that option.
import { Alert, Button, List, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NextStep, NextStepOption, TrackerItem } from '../../../shared/contract/tracker';
import { MeasureModal } from '../casefile/forms';

type Choice = { type: 'option'; option: NextStepOption } | { type: 'member'; cadreId: string; name: string };

export function NextStepDialog({ step, item, referenceDate, onClose }: { step: NextStep; item: TrackerItem; referenceDate: string; onClose(): void }) {
  const { t } = useTranslation('tracker');
  const tk = useTranslation('casefile').t;
  const [choice, setChoice] = useState<Choice | null>(null);
  const team = item.subject.type === 'unit';
  const options = step.options.length > 0 ? step.options : [{ rung: 1, kind: step.kind, draft: step.draft }];

  if (choice?.type === 'option') {
    return (
      <MeasureModal
        open
        onClose={() => setChoice(null)}
        title={t('nextStepTitle')}
        subject={{ type: item.subject.type, id: item.subject.id, name: item.subjectName }}
        draft={choice.option.draft}
        kinds={[choice.option.kind]}
        members={team ? step.members.map((m) => ({ value: m.cadreId, label: `${m.name}${m.position ? `（${m.position}）` : ''}` })) : undefined}
        formId={`tracker:next:${item.id}:${choice.option.kind}`}
        testId="next-step-form"
        okText={t('record')}
        onSaved={onClose}
      />
    );
  }
  if (choice?.type === 'member') {
    return (
      <MeasureModal
        open
        onClose={() => setChoice(null)}
        title={t('memberMeasureTitle', { name: choice.name, unit: item.subjectName })}
        subject={{ type: 'cadre', id: choice.cadreId, name: choice.name }}
        draft={{ startsOn: referenceDate }}
        kinds={step.memberKinds}
        formId={`tracker:member:${item.id}:${choice.cadreId}`}
        testId="member-measure-form"
        okText={t('record')}
        onSaved={() => setChoice(null)}
      />
    );
  }
  return (
    <Modal open title={t('nextStepTitle')} onCancel={onClose} footer={<Button onClick={onClose}>{t('nextStepLater')}</Button>} width={640} destroyOnHidden data-testid="next-step-dialog">
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        data-testid="next-step-intro"
        title={t('nextStepChoose', { subject: item.subjectName, kind: t(`kind.${item.kind}`) })}
      />
      <List
        size="small"
        bordered
        dataSource={options}
        data-testid="next-step-options"
        renderItem={(o) => (
          <List.Item
            data-testid="next-step-option"
            data-kind={o.kind}
            actions={[
              <Button key="go" size="small" type={o === options[0] ? 'primary' : 'default'} onClick={() => setChoice({ type: 'option', option: o })} data-testid={`next-step-pick-${o.kind}`}>
                {t('nextStepPick')}
              </Button>,
            ]}
          >
            <Space size={6}>
              <Tag>{t('rung', { n: o.rung })}</Tag>
              <Typography.Text strong>{tk(`measureKind.${o.kind}`)}</Typography.Text>
              {o.kind === 'positionAdjustment' && team && <Typography.Text type="secondary">{t('teamAdjustment')}</Typography.Text>}
            </Space>
          </List.Item>
        )}
      />
      {team && step.members.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('memberMeasures')}
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
            {t('memberMeasuresHint', { kinds: step.memberKinds.map((k) => tk(`measureKind.${k}`)).join('、') })}
          </Typography.Paragraph>
          <List
            size="small"
            bordered
            dataSource={step.members}
            data-testid="next-step-members"
            renderItem={(m) => (
              <List.Item
                actions={[
                  <Button key="m" size="small" onClick={() => setChoice({ type: 'member', cadreId: m.cadreId, name: m.name })} data-testid="next-step-member">
                    {t('memberMeasure')}
                  </Button>,
                ]}
              >
                {m.name}
                {m.position ? <Typography.Text type="secondary">（{m.position}）</Typography.Text> : null}
              </List.Item>
            )}
          />
        </>
      )}
    </Modal>
  );
}
