// The "restore your draft?" prompt shown above a form when useDraft found one.
import { Alert, Button, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { DraftControl } from '../db/drafts';

export function DraftBanner({ draft }: { draft: DraftControl }) {
  const { t } = useTranslation('app');
  if (!draft.pending) return null;
  return (
    <Alert
      data-testid="draft-banner"
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      title={t('draft.found')}
      description={t('draft.savedAt', { time: dayjs(draft.pending.updatedAt).format('YYYY-MM-DD HH:mm:ss') })}
      action={
        <Space>
          <Button size="small" type="primary" onClick={draft.restore}>
            {t('draft.restore')}
          </Button>
          <Button size="small" onClick={draft.discard}>
            {t('draft.discard')}
          </Button>
        </Space>
      }
    />
  );
}

/** A quiet "draft saved at …" line beside a form's buttons. */
export function DraftStatus({ draft }: { draft: DraftControl }) {
  const { t } = useTranslation('app');
  if (!draft.savedAt) return null;
  return (
    <Typography.Text type="secondary" data-testid="draft-saved">
      {t('draft.autosaved', { time: dayjs(draft.savedAt).format('HH:mm:ss') })}
    </Typography.Text>
  );
}
