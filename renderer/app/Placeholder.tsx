// Stands in for a page another feature has not plugged in yet.
import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PageProps, Section } from './routes';

export function placeholder(section: Section) {
  function PlaceholderPage(_: PageProps) {
    const { t } = useTranslation('app');
    return (
      <Result
        status="info"
        title={t('common.comingSoon')}
        subTitle={t('common.comingSoonHint', { name: t(`menu.${section}`) })}
        data-testid={`placeholder-${section}`}
      />
    );
  }
  return PlaceholderPage;
}
