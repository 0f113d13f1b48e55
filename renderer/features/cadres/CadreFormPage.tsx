// Create or edit a cadre (/cadres/new[?unit=U1], /cadres/:id/edit). Validation is the contract's:
// the service answers VALIDATION with field paths, shown on the fields in the UI language. The
// form autosaves a draft that is offered back after a reload.
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, AutoComplete, Button, Card, Col, Form, Input, Row, Select, Space, Spin, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cadreCategories, type Cadre } from '../../../shared/domain/records';
import { api } from '../../api/client';
import { DateField } from '../../app/DateField';
import { DraftBanner, DraftStatus } from '../../app/DraftBanner';
import { applyFieldErrors } from '../../app/formErrors';
import { onFormKeyDown } from '../../app/safeEntry';
import type { PageProps } from '../../app/routes';
import { hrefOf, navigate } from '../../app/router';
import { unitOptionsOf, useOfficeScope } from '../../app/officeScope';
import { useQuery } from '../../db/cache';
import { useDraft } from '../../db/drafts';
import { pick } from '../../i18n';
import { peerGroupsOf } from './filter';

interface Values {
  id?: string;
  name?: string;
  unitId?: string;
  peerGroup?: string;
  position?: string;
  rankLevel?: string;
  category?: string;
  leader?: boolean;
  appointedOn?: Dayjs | null;
  trialEndsOn?: Dayjs | null;
}

const fieldNames = ['id', 'name', 'unitId', 'peerGroup', 'position', 'rankLevel', 'category', 'leader', 'appointedOn', 'trialEndsOn'];

function toValues(c: Cadre): Values {
  return {
    ...c,
    appointedOn: c.appointedOn ? dayjs(c.appointedOn) : undefined,
    trialEndsOn: c.trialEndsOn ? dayjs(c.trialEndsOn) : undefined,
  };
}

/** Form values → contract input. Empty optional text is dropped so the schema's rules apply. */
function toInput(v: Values): Record<string, unknown> {
  const out: Record<string, unknown> = {
    name: (v.name ?? '').trim(),
    unitId: v.unitId ?? '',
    peerGroup: (v.peerGroup ?? '').trim(),
    position: (v.position ?? '').trim(),
    rankLevel: (v.rankLevel ?? '').trim(),
    category: v.category,
    leader: !!v.leader,
  };
  if (v.id?.trim()) out.id = v.id.trim();
  if (v.appointedOn) out.appointedOn = v.appointedOn.format('YYYY-MM-DD');
  if (v.trialEndsOn) out.trialEndsOn = v.trialEndsOn.format('YYYY-MM-DD');
  return out;
}

export default function CadreFormPage({ params, query }: PageProps) {
  const editId = params.id;
  const existing = useQuery('cadres.get', { id: editId ?? '' }, { enabled: !!editId });
  const { t, i18n } = useTranslation('cadres');
  if (editId && !existing.data) {
    if (existing.error)
      return <Alert type="error" showIcon title={pick(existing.error.bilingual, i18n.language)} />;
    return <Spin style={{ display: 'block', margin: 48 }} />;
  }
  return (
    <CadreForm
      key={editId ?? `new:${query.unit ?? ''}`}
      cadre={editId ? existing.data! : null}
      initialUnit={query.unit}
      title={editId ? t('editCadre') : t('newCadre')}
    />
  );
}

function CadreForm({ cadre, initialUnit, title }: { cadre: Cadre | null; initialUnit?: string; title: string }) {
  const { t, i18n } = useTranslation('cadres');
  const td = useTranslation('domain').t;
  const tc = useTranslation('app').t;
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const draft = useDraft(cadre ? `cadre:edit:${cadre.id}` : 'cadre:new', form);
  const units = useQuery('units.list', {});
  const cadres = useQuery('cadres.list', {});
  const [busy, setBusy] = useState(false);
  const [general, setGeneral] = useState<string[]>([]);
  const [lastError, setLastError] = useState<unknown>(null);

  // Field messages follow a language switch.
  useEffect(() => {
    if (lastError) setGeneral(applyFieldErrors(form, lastError, i18n.language, fieldNames));
  }, [i18n.language, lastError, form]);

  const peerGroups = useMemo(() => peerGroupsOf(cadres.data ?? []), [cadres.data]);
  // A ledger holding several offices lists every office's units, grouped by township (this office
  // first): a cadre transferred in is given a unit of its new office here.
  const { several, offices } = useOfficeScope();
  const unitOptions = useMemo(
    () => unitOptionsOf(units.data ?? [], { office: undefined, several, offices }, (u) => `${u.name}（${u.id}）`),
    [units.data, several, offices],
  );
  const initialValues: Values = cadre
    ? toValues(cadre)
    : { category: 'civilServant', leader: false, ...(initialUnit ? { unitId: initialUnit } : {}) };

  async function submit() {
    const v = form.getFieldsValue(true) as Values;
    setBusy(true);
    setGeneral([]);
    setLastError(null);
    form.setFields(fieldNames.map((name) => ({ name: name as keyof Values, errors: [] })));
    try {
      const input = toInput(v);
      const saved = cadre
        ? await api.cadres.update({ ...(input as Cadre), id: cadre.id })
        : await api.cadres.create(input as Cadre);
      await draft.clear();
      message.success(t(cadre ? 'updated' : 'created', { name: saved.name }));
      navigate(`/cadres/${encodeURIComponent(saved.id)}`);
    } catch (e) {
      const rest = applyFieldErrors(form, e, i18n.language, fieldNames);
      setGeneral(rest);
      setLastError(e);
      if (!rest.length) message.error(tc('errors.checkFields'));
    } finally {
      setBusy(false);
    }
  }

  const noUnits = units.data && units.data.length === 0;
  return (
    <Card
      data-draft-ready={draft.ready ? 'true' : 'false'}
      title={
        <Space>
          <Button
            type="text"
            icon={<ArrowLeftOutlined />}
            href={hrefOf(cadre ? `/cadres/${encodeURIComponent(cadre.id)}` : '/cadres')}
            aria-label={tc('common.back')}
          />
          <Typography.Title level={4} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
        </Space>
      }
    >
      <DraftBanner draft={draft} />
      {noUnits && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('noUnits')}
          action={<Button href={hrefOf('/units')}>{t('goUnits')}</Button>}
        />
      )}
      {general.length > 0 && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={general.join('；')} data-testid="form-error" />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onValuesChange={draft.onValuesChange}
        onFinish={() => void submit()}
        // Enter in the unit, category or date fields picks the option or the date; it never saves.
        onKeyDown={onFormKeyDown(() => form.submit())}
        data-testid="cadre-form"
        style={{ maxWidth: 880 }}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="id" label={t('field.id')} extra={cadre ? undefined : t('field.idHint')}>
              <Input disabled={!!cadre} data-testid="cadre-id" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="name" label={t('field.name')} required>
              <Input data-testid="cadre-name" autoFocus />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="unitId" label={t('field.unitId')} required>
              <Select
                data-testid="cadre-unit"
                showSearch={{ optionFilterProp: 'label' }}
                options={unitOptions}
                notFoundContent={t('noUnits')}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="peerGroup" label={t('field.peerGroup')} required extra={t('field.peerGroupHint')}>
              <AutoComplete
                data-testid="cadre-peer-group"
                options={peerGroups.map((g) => ({ value: g }))}
                showSearch={{
                  filterOption: (input, option) => String(option?.value ?? '').includes(input),
                }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="position" label={t('field.position')}>
              <Input data-testid="cadre-position" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="rankLevel" label={t('field.rankLevel')}>
              <Input data-testid="cadre-rank" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="category" label={t('field.category')} required>
              <Select
                data-testid="cadre-category"
                options={cadreCategories.map((c) => ({ value: c, label: td(`category.${c}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="leader" label={t('field.leader')} valuePropName="checked">
              <Switch checkedChildren={tc('common.yes')} unCheckedChildren={tc('common.no')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="appointedOn" label={t('field.appointedOn')}>
              <DateField style={{ width: '100%' }} data-testid="cadre-appointed" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="trialEndsOn" label={t('field.trialEndsOn')}>
              <DateField style={{ width: '100%' }} data-testid="cadre-trial-ends" />
            </Form.Item>
          </Col>
        </Row>
        {/* Kept at the bottom of the window while the form scrolls (1366×650). */}
        <div className="form-actions">
          <Space>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="cadre-save">
              {tc('common.save')}
            </Button>
            <Button href={hrefOf(cadre ? `/cadres/${encodeURIComponent(cadre.id)}` : '/cadres')} data-testid="cadre-cancel">
              {tc('common.cancel')}
            </Button>
            <DraftStatus draft={draft} />
          </Space>
        </div>
      </Form>
    </Card>
  );
}
