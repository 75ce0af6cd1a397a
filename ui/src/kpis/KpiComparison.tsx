import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../shared/format';
import { previousPeriod, trend, type KpiFilters } from './kpiFilters';
import { type KpiValue, useKpiValue } from './useKpis';

/** The KPI over the period of the same length right before, the change and whether it is better or worse. */
export function KpiComparison({ kpiKey, current, filters, direction }: { kpiKey: string; current: KpiValue; filters: KpiFilters; direction?: string }) {
  const { t, i18n } = useTranslation();
  const period = previousPeriod(current.from, current.to);
  const previous = useKpiValue(kpiKey, { ...filters, ...(period ?? {}) }, period !== null);
  if (!period || previous.isPending || previous.isError) return null;
  const now = current.value == null ? null : Number(current.value);
  const before = previous.data.value == null ? null : Number(previous.data.value);
  const direction_ = trend(now, before, direction);
  const range = { from: formatDate(period.from, i18n.language), to: formatDate(period.to, i18n.language) };
  return (
    <p className="muted" data-testid="kpi-comparison">
      {t('kpiView.previousValue', { ...range, value: before == null ? t('kpiView.noComparison') : formatNumber(before, i18n.language, current.unit) })}
      {now != null && before != null && (
        <>
          {' '}· {t('kpiView.change')}{' '}
          <span className={direction_ ? `trend-${direction_}` : undefined}>
            {now - before > 0 ? '+' : ''}
            {formatNumber(now - before, i18n.language)} ({t(`kpiView.${direction_}`)})
          </span>
        </>
      )}
    </p>
  );
}
