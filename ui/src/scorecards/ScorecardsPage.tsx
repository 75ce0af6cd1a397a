import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useKpiDefinitions } from '../kpis/useKpis';
import { formatDate, formatDateTime, formatNumber } from '../shared/format';
import { usePageTitle } from '../shared/usePageTitle';
import { PeriodForm, usePeriod } from '../shared/ui/PeriodForm';
import { Empty, Failed, Loading } from '../shared/ui/States';
import { CxPyramid, Evidence } from './CxPyramid';
import { useAlignment, usePyramid } from './useScorecards';

/** The CX pyramid (score against target, the lowest missed level, the evidence) and cross-department alignment, for a period in the address. */
export default function ScorecardsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('scorecards.title'));
  const period = usePeriod();
  const pyramid = usePyramid(period);
  const alignment = useAlignment(period);
  const definitions = useKpiDefinitions();
  const kpiKeys = useMemo(() => new Set((definitions.data ?? []).map((definition) => definition.key)), [definitions.data]);
  const number = (value: number | string | null | undefined, unit?: string) => formatNumber(value, i18n.language, unit);
  return (
    <section>
      <h1>{t('scorecards.title')}</h1>
      <PeriodForm />
      <h2>{t('scorecards.pyramid')}</h2>
      {pyramid.isPending ? (
        <Loading />
      ) : pyramid.isError ? (
        <Failed error={pyramid.error} retry={() => void pyramid.refetch()} />
      ) : pyramid.data.levels.length === 0 ? (
        <Empty>{t('scorecards.noData')}</Empty>
      ) : (
        <>
          <p>
            {formatDate(pyramid.data.from, i18n.language)} – {formatDate(pyramid.data.to, i18n.language)} ·{' '}
            {pyramid.data.lowestMissed == null
              ? t('scorecards.allMet')
              : t('scorecards.lowestMissedIs', {
                  level: pyramid.data.lowestMissed,
                  name: t(`scorecards.levels.${pyramid.data.levels.find((level) => level.level === pyramid.data.lowestMissed)?.name ?? ''}`),
                })}
          </p>
          <div className="pyramid-layout">
            <CxPyramid levels={pyramid.data.levels} lowestMissed={pyramid.data.lowestMissed} />
            <table data-testid="pyramid-table">
              <caption className="visually-hidden">{t('scorecards.pyramid')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('scorecards.level')}</th>
                  <th scope="col">{t('scorecards.score')}</th>
                  <th scope="col">{t('scorecards.target')}</th>
                  <th scope="col">{t('scorecards.evidence')}</th>
                </tr>
              </thead>
              <tbody>
                {pyramid.data.levels.map((level) => (
                  <tr key={level.level} id={`level-${level.level}`} className={level.level === pyramid.data.lowestMissed ? 'lowest-missed' : undefined}>
                    <th scope="row">
                      {level.level}. {t(`scorecards.levels.${level.name}`, { defaultValue: level.name })}
                      <br />
                      <span className="muted">{level.metric}</span>
                    </th>
                    <td>{level.score == null ? t('scorecards.status.noData') : number(level.score)}</td>
                    <td>{number(level.target)}</td>
                    <td>
                      <ul className="plain">
                        {level.components.map((component) => (
                          <li key={component.key}>
                            <Evidence componentKey={component.key} kpiKeys={kpiKeys} />: {number(component.value)}{' '}
                            <span className="muted">({t('scorecards.sample', { count: component.sampleSize })})</span>
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <h2>{t('scorecards.alignment')}</h2>
      {alignment.isPending ? (
        <Loading />
      ) : alignment.isError ? (
        <Failed error={alignment.error} retry={() => void alignment.refetch()} />
      ) : (
        <>
          <dl className="facts">
            <div>
              <dt>{t('scorecards.sharedKpis')}</dt>
              <dd>{number(alignment.data.sharedKpis.count)}</dd>
            </div>
            <div>
              <dt>{t('scorecards.customersAcrossModules')}</dt>
              <dd>
                {t('scorecards.acrossModules', {
                  some: number(alignment.data.customersAcrossModules.withTwoOrMoreModules),
                  all: number(alignment.data.customersAcrossModules.customers),
                  share: number(alignment.data.customersAcrossModules.share, 'percent'),
                })}
              </dd>
            </div>
            <div>
              <dt>{t('scorecards.connectedSources')}</dt>
              <dd>{number(alignment.data.connectedSources.count)}</dd>
            </div>
          </dl>
          <h3>{t('scorecards.sharedKpis')}</h3>
          {alignment.data.sharedKpis.kpis.length === 0 ? (
            <Empty>{t('scorecards.noSharedKpis')}</Empty>
          ) : (
            <ul>
              {alignment.data.sharedKpis.kpis.map((kpi) => (
                <li key={kpi.key}>
                  <Evidence componentKey={kpi.key} kpiKeys={kpiKeys} /> — {t('scorecards.owners')}: {[...kpi.owners].join(', ')}
                </li>
              ))}
            </ul>
          )}
          <h3>{t('scorecards.connectedSources')}</h3>
          {alignment.data.connectedSources.sources.length === 0 ? (
            <Empty>{t('scorecards.noSources')}</Empty>
          ) : (
            <table>
              <caption className="visually-hidden">{t('scorecards.connectedSources')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('customers.source')}</th>
                  <th scope="col">{t('scorecards.touchpoints')}</th>
                  <th scope="col">{t('scorecards.lastTouchpoint')}</th>
                </tr>
              </thead>
              <tbody>
                {alignment.data.connectedSources.sources.map((source) => (
                  <tr key={source.source}>
                    <th scope="row">{source.source}</th>
                    <td>{number(source.touchpoints)}</td>
                    <td>{formatDateTime(source.lastTouchpointAt, i18n.language)}</td>
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
