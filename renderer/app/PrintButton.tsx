// 打印 (and, in Electron, 导出 PDF) for a list page or a document view. One button, one helper.
import { FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { canSavePdf, printPage, savePagePdf } from './print';

export function PrintButton({ fileName, testId = 'print', size }: { fileName: string; testId?: string; size?: 'small' | 'middle' }) {
  const { t } = useTranslation('app');
  const { message } = App.useApp();
  const report = (r: { ok: boolean; cancelled?: boolean; path?: string | null; error?: string }) => {
    if (r.ok && r.path) message.success(t('print.saved', { path: r.path }));
    else if (!r.ok && !r.cancelled) message.error(t('print.failed', { message: r.error ?? '' }));
  };
  return (
    <Space size={4} className="no-print">
      <Button size={size} icon={<PrinterOutlined />} data-testid={testId} onClick={() => void printPage().then(report)}>
        {t('print.button')}
      </Button>
      {canSavePdf() && (
        <Button size={size} icon={<FilePdfOutlined />} data-testid={`${testId}-pdf`} onClick={() => void savePagePdf(fileName).then(report)}>
          {t('print.pdf')}
        </Button>
      )}
    </Space>
  );
}
