import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../usePageTitle';

/** A page of the navigation that the UI does not offer yet: says so, instead of a blank screen. */
export default function NotYetPage({ page }: { page: string }) {
  const { t } = useTranslation();
  usePageTitle(t(page));
  return (
    <section>
      <h1>{t('notYet.title', { page: t(page) })}</h1>
      <p>{t('notYet.text')}</p>
    </section>
  );
}
