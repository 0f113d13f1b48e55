// After a probation or team probation closed as not improved: the measure form pre-filled with the
// ladder's next step, offering every remaining rung (the core's options, in ladder order: choosing
// another kind takes that option's draft), and for a team its members — to name in the team
// measure (班子调整) or to give an individual measure.
import { Alert, Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NextStep, TrackerItem } from '../../../shared/contract/tracker';
import type { MeasureKind } from '../../../shared/domain/records';
import { MeasureModal } from '../casefile/forms';

export function NextStepDialog({ step, item, referenceDate, onClose }: { step: NextStep; item: TrackerItem; referenceDate: string; onClose(): void }) {
  const { t } = useTranslation('tracker');
  const tk = useTranslation('casefile').t;
  const [member, setMember] = useState<{ cadreId: string; name: string } | null>(null);
  const team = item.subject.type === 'unit';
  const options = step.options.length > 0 ? step.options : [{ rung: 1, kind: step.kind, draft: step.draft }];
  const kinds = [...new Set(options.map((o) => o.kind))] as MeasureKind[];
  const rungs = [...new Set(options.map((o) => o.rung))];
  const kindsOf = (rung: number) => options.filter((o) => o.rung === rung).map((o) => tk(`measureKind.${o.kind}`)).join(' / ');
  const trial = step.kind === 'trialExtension';

  return (
    <>
      <MeasureModal
        open
        onClose={onClose}
        title={trial ? t('extendTitle') : t('nextStepTitle')}
        subject={{ type: item.subject.type, id: item.subject.id, name: item.subjectName }}
        draft={options[0].draft}
        draftFor={(kind) => options.find((o) => o.kind === kind)?.draft}
        kinds={kinds}
        members={team ? step.members.map((m) => ({ value: m.cadreId, label: `${m.name}${m.position ? `（${m.position}）` : ''}` })) : undefined}
        formId={`tracker:next:${item.id}`}
        testId="next-step-form"
        okText={t('record')}
        intro={
          trial ? undefined : (
            <div style={{ marginBottom: 12 }}>
              <Alert
                type="warning"
                showIcon
                data-testid="next-step-intro"
                title={t('nextStepIntro', { subject: item.subjectName, kind: t(`kind.${item.kind}`), next: kindsOf(rungs[0]) })}
                description={
                  rungs.length > 1 ? (
                    <span data-testid="next-step-rungs">
                      {t('nextStepRungs', { list: rungs.slice(1).map((r) => t('rungKinds', { n: r, kinds: kindsOf(r) })).join('；') })}
                    </span>
                  ) : undefined
                }
              />
              {team && step.members.length > 0 && (
                <div style={{ marginTop: 8 }} data-testid="next-step-members">
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('memberMeasuresHint', { kinds: step.memberKinds.map((k) => tk(`measureKind.${k}`)).join('、') })}
                  </Typography.Text>
                  <Space wrap size={6} style={{ display: 'flex', marginTop: 4 }}>
                    {step.members.map((m) => (
                      <Button key={m.cadreId} size="small" onClick={() => setMember({ cadreId: m.cadreId, name: m.name })} data-testid="next-step-member">
                        {t('memberMeasure', { name: m.name })}
                      </Button>
                    ))}
                  </Space>
                </div>
              )}
            </div>
          )
        }
      />
      {member && (
        <MeasureModal
          open
          onClose={() => setMember(null)}
          title={t('memberMeasureTitle', { name: member.name, unit: item.subjectName })}
          subject={{ type: 'cadre', id: member.cadreId, name: member.name }}
          draft={{ startsOn: referenceDate, kind: step.memberKinds[0] }}
          kinds={step.memberKinds}
          formId={`tracker:member:${item.id}:${member.cadreId}`}
          testId="member-measure-form"
          okText={t('record')}
        />
      )}
    </>
  );
}
