import '../customers/customer360.css';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PHASES } from '../timeline/Timeline';
import { FILTER_NAMES, MODULES, SEGMENTS, filtersFrom } from './kpiFilters';

/** Period, journey phase, module and segment of the KPI pages; every change goes into the address at once. */
export function KpiFilterBar() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const filters = filtersFrom(search);
  const set = (name: string, value: string) => {
    const params = new URLSearchParams(search);
    if (value) params.set(name, value);
    else params.delete(name);
    setSearch(params, { replace: true });
  };
  const reset = () => {
    const params = new URLSearchParams(search);
    FILTER_NAMES.forEach((name) => params.delete(name));
    setSearch(params, { replace: true });
  };
  return (
    <fieldset className="toolbar kpi-filters" data-testid="kpi-filters">
      <legend>{t('kpiView.filters')}</legend>
      <label>
        {t('kpiView.from')}
        <input type="date" name="from" value={filters.from ?? ''} onChange={(event) => set('from', event.target.value)} />
      </label>
      <label>
        {t('kpiView.to')}
        <input type="date" name="to" value={filters.to ?? ''} onChange={(event) => set('to', event.target.value)} />
      </label>
      <label>
        {t('kpiView.phase')}
        <select name="phase" value={filters.phase ?? ''} onChange={(event) => set('phase', event.target.value)}>
          <option value="">{t('kpiView.any')}</option>
          {PHASES.map((phase) => (
            <option key={phase} value={phase}>
              {t(`customer360.phases.${phase}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('kpiView.module')}
        <select name="module" value={filters.module ?? ''} onChange={(event) => set('module', event.target.value)}>
          <option value="">{t('kpiView.any')}</option>
          {MODULES.map((module) => (
            <option key={module} value={module}>
              {module}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('kpiView.segment')}
        <select name="segment" value={filters.segment ?? ''} onChange={(event) => set('segment', event.target.value)}>
          <option value="">{t('kpiView.any')}</option>
          {SEGMENTS.map((segment) => (
            <option key={segment} value={segment}>
              {t(`kpiView.segments.${segment}`)}
            </option>
          ))}
        </select>
      </label>
      {Object.keys(filters).length > 0 && (
        <button type="button" onClick={reset}>
          {t('kpiView.reset')}
        </button>
      )}
    </fieldset>
  );
}
