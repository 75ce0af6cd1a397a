import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../shared/format';
import { usePageTitle } from '../shared/usePageTitle';
import { Empty, Failed, Loading } from '../shared/ui/States';
import { useSurveys } from './useFeedback';

/** Every survey, newest first, with invitations sent and answered; each opens its results. */
export default function FeedbackPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('feedback.title'));
  const surveys = useSurveys();
  const items = surveys.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section>
      <h1>{t('feedback.title')}</h1>
      {surveys.isPending ? (
        <Loading />
      ) : surveys.isError ? (
        <Failed error={surveys.error} retry={() => void surveys.refetch()} />
      ) : items.length === 0 ? (
        <Empty>{t('feedback.noSurveys')}</Empty>
      ) : (
        <>
          <table data-testid="survey-list">
            <caption className="visually-hidden">{t('feedback.surveys')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('feedback.name')}</th>
                <th scope="col">{t('feedback.kind')}</th>
                <th scope="col">{t('feedback.invitations')}</th>
                <th scope="col">{t('feedback.responses')}</th>
                <th scope="col">{t('customers.created')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((survey) => (
                <tr key={survey.id}>
                  <th scope="row">
                    <Link to={`/feedback/${survey.id}`}>{survey.name}</Link>
                  </th>
                  <td>{t(`feedback.kinds.${survey.kind}`, { defaultValue: survey.kind })}</td>
                  <td>{formatNumber(survey.invitations, i18n.language)}</td>
                  <td>{formatNumber(survey.responses, i18n.language)}</td>
                  <td>{formatDate(survey.createdAt, i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {surveys.hasNextPage && (
            <button type="button" onClick={() => void surveys.fetchNextPage()} disabled={surveys.isFetchingNextPage}>
              {t('customers.loadMore')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
