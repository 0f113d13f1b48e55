// The fields of a meeting (type, date, title, place, chair, recorder, attendees): the same in
// 新建会议 and 修改会议信息.
import { Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { meetingTypes, type MeetingType } from '../../../shared/domain/meetings';
import { DateField } from '../../app/DateField';

export interface MeetingFieldValues {
  type: MeetingType;
  title?: string;
  date: Dayjs;
  place?: string;
  chair?: string;
  recorder?: string;
  attendees?: string[];
}

export const meetingFieldNames = ['type', 'title', 'date', 'place', 'chair', 'recorder', 'attendees'];

/** The contract's input from the form's values. */
export function meetingDetails(v: MeetingFieldValues) {
  return {
    type: v.type,
    ...(v.title?.trim() ? { title: v.title.trim() } : {}),
    date: v.date.format('YYYY-MM-DD'),
    place: v.place ?? '',
    chair: v.chair ?? '',
    recorder: v.recorder ?? '',
    attendees: v.attendees ?? [],
  };
}

export function MeetingFields() {
  const { t } = useTranslation('meeting');
  const tc = useTranslation('app').t;
  return (
    <>
      <Space.Compact block style={{ gap: 12 }}>
        <Form.Item name="type" label={t('field.type')} rules={[{ required: true }]} style={{ flex: 1 }}>
          <Select data-testid="meeting-type" options={meetingTypes.map((v) => ({ value: v, label: t(`type.${v}`) }))} />
        </Form.Item>
        <Form.Item name="date" label={t('field.date')} rules={[{ required: true, message: tc('errors.checkFields') }]} style={{ flex: 1 }}>
          <DateField style={{ width: '100%' }} data-testid="meeting-date" />
        </Form.Item>
      </Space.Compact>
      <Form.Item name="title" label={t('field.title')} extra={t('field.titleHint')}>
        <Input maxLength={200} data-testid="meeting-title" />
      </Form.Item>
      <Form.Item name="place" label={t('field.place')}>
        <Input maxLength={100} data-testid="meeting-place" />
      </Form.Item>
      <Space.Compact block style={{ gap: 12 }}>
        <Form.Item name="chair" label={t('field.chair')} style={{ flex: 1 }}>
          <Input maxLength={50} data-testid="meeting-chair" />
        </Form.Item>
        <Form.Item name="recorder" label={t('field.recorder')} style={{ flex: 1 }}>
          <Input maxLength={50} data-testid="meeting-recorder" />
        </Form.Item>
      </Space.Compact>
      <Form.Item name="attendees" label={t('field.attendees')} extra={t('field.attendeesHint')}>
        <Select mode="tags" open={false} tokenSeparators={[',', '，', '、', ' ']} data-testid="meeting-attendees" />
      </Form.Item>
    </>
  );
}
