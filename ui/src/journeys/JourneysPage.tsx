import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, query } from '../shared/api/client';
import type { Schema } from '../shared/api/types';
import { formatDate, formatNumber } from '../shared/format';
import { usePageTitle } from '../shared/usePageTitle';
import { PeriodForm, usePeriod } from '../shared/ui/PeriodForm';
import { Empty, Failed, Loading } from '../shared/ui/States';

type Funnel = Schema<'FunnelView'>;
type NegativePeaks = Schema<'NegativePeaksView'>;

/** The seven-phase funnel (customers, step conversion) and the negative peaks, for a period in the address (?from=&to=). */
export default function JourneysPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('journeys.title'));
  const period = usePeriod();
  const funnel = useQuery({ queryKey: ['journeys', 'funnel', period], queryFn: () => api<Funnel>(`/api/v1/kpis/funnel/steps${query(period)}`) });
  const peaks = useQuery({
    queryKey: ['journeys', 'negative-peaks', period],
    queryFn: () => api<NegativePeaks>(`/api/v1/kpis/peak-end/negative-peaks${query(period)}`),
  });
  const widest = Math.max(1, ...(funnel.data?.phases ?? []).map((phase) => phase.customers));
  const percent = (share: number | undefined) => (share == null ? '–' : formatNumber(share, i18n.language, 'percent'));
  return (
    <section>
      <h1>{t('journeys.title')}</h1>
      <PeriodForm />
      <h2>{t('journeys.funnel')}</h2>
      {funnel.isPending ? (
        <Loading />
      ) : funnel.isError ? (
        <Failed error={funnel.error} retry={() => void funnel.refetch()} />
      ) : funnel.data.phases.length === 0 ? (
        <Empty>{t('journeys.empty')}</Empty>
      ) : (
        <table>
          <caption className="visually-hidden">
            {t('journeys.funnel')} {formatDate(funnel.data.from, i18n.language)} – {formatDate(funnel.data.to, i18n.language)}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('timeline.phase')}</th>
              <th scope="col">{t('journeys.customers')}</th>
              <th scope="col">{t('journeys.conversion')}</th>
            </tr>
          </thead>
          <tbody>
            {funnel.data.phases.map((phase) => (
              <tr key={phase.phase}>
                <th scope="row">{phase.phase}</th>
                <td>
                  <span className="bar" style={{ width: `${(phase.customers / widest) * 12}rem` }} aria-hidden="true" /> {formatNumber(phase.customers, i18n.language)}
                </td>
                <td>{percent(phase.conversionToNext)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{t('journeys.negativePeaks')}</h2>
      {peaks.isPending ? (
        <Loading />
      ) : peaks.isError ? (
        <Failed error={peaks.error} retry={() => void peaks.refetch()} />
      ) : (
        <>
          <p>{t('journeys.negativeSummary', { peaks: formatNumber(peaks.data.negativePeaks, i18n.language), customers: formatNumber(peaks.data.customers, i18n.language), share: percent(peaks.data.negativeShare) })}</p>
          {peaks.data.types.length === 0 ? (
            <Empty>{t('journeys.noPeaks')}</Empty>
          ) : (
            <table>
              <caption className="visually-hidden">{t('journeys.negativePeaks')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('timeline.type')}</th>
                  <th scope="col">{t('journeys.customers')}</th>
                  <th scope="col">{t('journeys.share')}</th>
                </tr>
              </thead>
              <tbody>
                {peaks.data.types.map((type) => (
                  <tr key={type.type}>
                    <th scope="row">{type.type}</th>
                    <td>{formatNumber(type.customers, i18n.language)}</td>
                    <td>{percent(type.share)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
