import { lazy, Suspense, useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, formatNumber } from '../shared/format';
import { usePageTitle } from '../shared/usePageTitle';
import { Empty, Failed, Loading } from '../shared/ui/States';
import { PressedGroup } from '../shared/ui/PressedGroup';
import { type SurveyResults, useSurvey, useSurveyAnswers, useSurveyResults } from './useFeedback';

const SeriesChart = lazy(() => import('../shared/chart/SeriesChart').then((module) => ({ default: module.SeriesChart })));
const INTERVALS = ['week', 'month'] as const;
const VIEWS = ['chart', 'table'] as const;

/** The survey's figure: NPS as a number, CSAT as a share, CES as a mean. */
function figure(results: SurveyResults, value: number | string | null | undefined, language: string) {
  return formatNumber(value, language, results.kind === 'csat' ? 'percent' : undefined);
}

/** One survey's results: distribution, trend (chart or table, ?interval=&view=) and the answers with comments, each linked to its customer. */
export default function SurveyPage() {
  const { surveyId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const interval = INTERVALS.find((candidate) => candidate === search.get('interval')) ?? 'month';
  const view = search.get('view') === 'table' ? 'table' : 'chart';
  const survey = useSurvey(surveyId);
  const results = useSurveyResults(surveyId, interval);
  const answers = useSurveyAnswers(surveyId);
  usePageTitle(survey.data?.name ?? t('feedback.title'));
  const measure = t(`feedback.measures.${results.data?.kind ?? survey.data?.kind ?? 'nps'}`);
  const points = useMemo(
    () => (results.data?.trend ?? []).map((period) => ({ label: formatDate(period.from, i18n.language), value: period.value == null ? null : Number(period.value), answers: period.answers })),
    [results.data, i18n.language],
  );
  const set = (name: string, next: string) => {
    const params = new URLSearchParams(search);
    params.set(name, next);
    setSearch(params, { replace: true });
  };
  if (survey.isError) return <Failed error={survey.error} retry={() => void survey.refetch()} />;
  const widest = Math.max(1, ...(results.data?.distribution ?? []).map((score) => score.answers));
  const answerItems = answers.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <article>
      <p>
        <Link to="/feedback">{t('feedback.back')}</Link>
      </p>
      <h1>{survey.data?.name ?? t('feedback.title')}</h1>
      {survey.data && (
        <p className="muted">
          {t(`feedback.kinds.${survey.data.kind}`, { defaultValue: survey.data.kind })} · <q>{survey.data.question}</q> ·{' '}
          {t('feedback.answered', { responses: formatNumber(survey.data.responses, i18n.language), invitations: formatNumber(survey.data.invitations, i18n.language) })}
        </p>
      )}
      {results.isPending ? (
        <Loading />
      ) : results.isError ? (
        <Failed error={results.error} retry={() => void results.refetch()} />
      ) : (
        <>
          <p>
            {measure}: <span className="value" data-testid="survey-figure">{figure(results.data, results.data.value, i18n.language)}</span>{' '}
            <span className="muted">({t('feedback.answerCount', { count: results.data.answers })})</span>
          </p>
          <section aria-labelledby="distribution-title">
            <h2 id="distribution-title">{t('feedback.distribution')}</h2>
            {results.data.answers === 0 ? (
              <Empty>{t('feedback.noAnswers')}</Empty>
            ) : (
              <table data-testid="distribution">
                <caption className="visually-hidden">{t('feedback.distribution')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('feedback.score')}</th>
                    <th scope="col">{t('feedback.answers')}</th>
                  </tr>
                </thead>
                <tbody>
                  {results.data.distribution.map((score) => (
                    <tr key={score.score}>
                      <th scope="row">{score.score}</th>
                      <td>
                        <span className="bar" style={{ width: `${(score.answers / widest) * 12}rem` }} aria-hidden="true" /> {formatNumber(score.answers, i18n.language)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section aria-labelledby="trend-title">
            <h2 id="trend-title">{t('feedback.trend')}</h2>
            <div className="toolbar">
              <PressedGroup label={t('kpis.interval')} options={INTERVALS} value={interval} onChange={(option) => set('interval', option)}
                optionLabel={(option) => t(`kpis.${option}`)} />
              <PressedGroup label={`${t('kpis.chart')} / ${t('kpis.table')}`} options={VIEWS} value={view} onChange={(option) => set('view', option)}
                optionLabel={(option) => t(`kpis.${option}`)} />
            </div>
            {points.length === 0 ? (
              <Empty>{t('feedback.noAnswers')}</Empty>
            ) : view === 'chart' ? (
              <Suspense fallback={<Loading />}>
                <SeriesChart title={`${measure} (${t(`kpis.${interval}`)})`} points={points} language={i18n.language} />
              </Suspense>
            ) : (
              <table data-testid="trend-table">
                <caption className="visually-hidden">{t('feedback.trend')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('kpis.period')}</th>
                    <th scope="col">{measure}</th>
                    <th scope="col">{t('feedback.answers')}</th>
                  </tr>
                </thead>
                <tbody>
                  {points.map((point) => (
                    <tr key={point.label}>
                      <td>{point.label}</td>
                      <td>{figure(results.data, point.value, i18n.language)}</td>
                      <td>{formatNumber(point.answers, i18n.language)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </>
      )}
      <section aria-labelledby="answers-title">
        <h2 id="answers-title">{t('feedback.answers')}</h2>
        {answers.isPending ? (
          <Loading />
        ) : answers.isError ? (
          <Failed error={answers.error} retry={() => void answers.refetch()} />
        ) : answerItems.length === 0 ? (
          <Empty>{t('feedback.noAnswers')}</Empty>
        ) : (
          <>
            <table data-testid="answers">
              <caption className="visually-hidden">{t('feedback.answers')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('feedback.answeredAt')}</th>
                  <th scope="col">{t('feedback.score')}</th>
                  <th scope="col">{t('feedback.comment')}</th>
                  <th scope="col">{t('feedback.customer')}</th>
                </tr>
              </thead>
              <tbody>
                {answerItems.map((answer) => (
                  <tr key={answer.id}>
                    <td>{formatDateTime(answer.answeredAt, i18n.language)}</td>
                    <td>{formatNumber(answer.score, i18n.language)}</td>
                    <td>{answer.comment || <span className="muted">{t('feedback.noComment')}</span>}</td>
                    <td>
                      <Link to={`/customers/${answer.customerId}`}>{t('feedback.openCustomer', { id: answer.customerId })}</Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {answers.hasNextPage && (
              <button type="button" onClick={() => void answers.fetchNextPage()} disabled={answers.isFetchingNextPage}>
                {t('customers.loadMore')}
              </button>
            )}
          </>
        )}
      </section>
    </article>
  );
}
