import './customer360.css';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, formatNumber } from '../shared/format';
import { Empty, Failed, Loading } from '../shared/ui/States';
import { PHASES } from '../timeline/Timeline';
import { formatDuration } from './duration';
import { type Journey, useJourney } from './useCustomer360';

type Moment = NonNullable<Journey['peakEnd']>['peak'];

/** The phase whose span (first reached to last touch) holds the moment; the latest such phase. */
export function phaseAt(journey: Journey, moment: Moment | undefined): string | undefined {
  if (!moment?.occurredAt) return undefined;
  const at = new Date(moment.occurredAt).getTime();
  return [...(journey.phases ?? [])]
    .filter((phase) => new Date(phase.firstReachedAt).getTime() <= at && at <= new Date(phase.lastTouchAt).getTime())
    .sort((a, b) => new Date(b.firstReachedAt).getTime() - new Date(a.firstReachedAt).getTime())[0]?.phase;
}

/** The seven phases in order: which the customer reached, when, for how long; the current phase, the peak and the end marked. */
export function JourneyStrip({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation();
  const journey = useJourney(customerId);
  return (
    <section aria-labelledby="journey-title">
      <h2 id="journey-title">{t('customer360.journey')}</h2>
      {journey.isPending ? (
        <Loading />
      ) : journey.isError ? (
        <Failed error={journey.error} retry={() => void journey.refetch()} />
      ) : (journey.data.phases ?? []).length === 0 ? (
        <Empty>{t('customer360.noJourney')}</Empty>
      ) : (
        <JourneyPhases journey={journey.data} language={i18n.language} t={t} />
      )}
    </section>
  );
}

function JourneyPhases({ journey, language, t }: { journey: Journey; language: string; t: (key: string, options?: Record<string, unknown>) => string }) {
  const byPhase = new Map<string, Journey['phases'][number]>((journey.phases ?? []).map((phase) => [phase.phase, phase]));
  const peak = journey.peakEnd?.peak;
  const end = journey.peakEnd?.end;
  const peakPhase = phaseAt(journey, peak);
  const endPhase = phaseAt(journey, end);
  return (
    <>
      <ol className="journey-strip" data-testid="journey-strip">
        {PHASES.map((name) => {
          const phase = byPhase.get(name);
          const current = journey.currentPhase === name;
          return (
            <li key={name} className={`${phase ? 'reached' : 'not-reached'}${current ? ' current' : ''}`} aria-current={current ? 'step' : undefined}>
              <strong>{t(`customer360.phases.${name}`)}</strong>
              {phase ? (
                <>
                  <span>{t('customer360.since', { date: formatDate(phase.firstReachedAt, language) })}</span>
                  <span>{t('customer360.timeInPhase', { duration: formatDuration(phase.timeInPhase, language) })}</span>
                  <span>{t('customer360.touchpoints', { count: phase.touchpoints })}</span>
                </>
              ) : (
                <span className="muted">{t('customer360.notReached')}</span>
              )}
              {current && <span className="badge">{t('customer360.current')}</span>}
              {peakPhase === name && <span className="badge peak">{t('customer360.peak')}</span>}
              {endPhase === name && <span className="badge end">{t('customer360.end')}</span>}
            </li>
          );
        })}
      </ol>
      {journey.peakEnd && (
        <p className="muted" data-testid="peak-end">
          {t('customer360.peakEndScore', { score: formatNumber(journey.peakEnd.score, language) })}
          {peak && ` · ${t('customer360.peak')}: ${peak.type} (${formatNumber(peak.score, language)}), ${formatDateTime(peak.occurredAt, language)}`}
          {end && ` · ${t('customer360.end')}: ${end.type} (${formatNumber(end.score, language)}), ${formatDateTime(end.occurredAt, language)}`}
        </p>
      )}
    </>
  );
}
