import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../shared/format';
import type { PyramidLevel } from './useScorecards';

/**
 * The five levels as a pyramid (level 5 on top, level 1 the widest base), each with its score against its
 * target; the lowest missed level is marked in words and colour. A list, so screen readers read it in order;
 * the table beside it holds the same numbers and the evidence.
 */
export function CxPyramid({ levels, lowestMissed }: { levels: PyramidLevel[]; lowestMissed: number | null | undefined }) {
  const { t, i18n } = useTranslation();
  const top = [...levels].sort((a, b) => b.level - a.level);
  return (
    <ol className="pyramid" aria-label={t('scorecards.pyramid')} reversed>
      {top.map((level) => {
        const missed = level.level === lowestMissed;
        const status = level.meetsTarget == null ? 'noData' : level.meetsTarget ? 'met' : 'missed';
        return (
          <li
            key={level.level}
            className={`pyramid-level ${status}${missed ? ' lowest-missed' : ''}`}
            style={{ width: `${50 + (5 - level.level) * 12.5}%` }}
            data-testid={`pyramid-level-${level.level}`}
          >
            <a href={`#level-${level.level}`}>
              <strong>
                {level.level}. {t(`scorecards.levels.${level.name}`, { defaultValue: level.name })}
              </strong>
              <span>
                {formatNumber(level.score, i18n.language)} / {formatNumber(level.target, i18n.language)}
              </span>
              <span className="pyramid-status">{missed ? t('scorecards.lowestMissed') : t(`scorecards.status.${status}`)}</span>
            </a>
          </li>
        );
      })}
    </ol>
  );
}

/** Where a component's number comes from: its KPI page when it is a KPI, else nothing to open. */
export function Evidence({ componentKey, kpiKeys }: { componentKey: string; kpiKeys: Set<string> }) {
  const { t } = useTranslation();
  const label = t(`scorecards.components.${componentKey}`, { defaultValue: componentKey });
  return kpiKeys.has(componentKey) ? <Link to={`/kpis/${encodeURIComponent(componentKey)}`}>{label}</Link> : <span>{label}</span>;
}
