import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../shared/api/client';
import { can, useMe } from '../shared/auth';
import { LANGUAGES, type Language, rememberLanguage } from '../shared/i18n';
import { usePageTitle } from '../shared/usePageTitle';
import { Empty, Failed, Loading } from '../shared/ui/States';
import { type KpiDefinition, useKpiDefinitions } from '../kpis/useKpis';
import { AdminTabs, ReadOnlyNote } from './AdminTabs';
import { type Policies, problemLines } from './api';

const STRATEGIES = ['source_priority', 'most_recent', 'most_frequent', 'first_non_empty'] as const;
const list = (text: string) => text.split(',').map((s) => s.trim()).filter(Boolean);

/** /admin/settings: KPI targets and owners, pyramid targets, language, survivorship per attribute. */
export default function SettingsPage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.settings.title'));
  const me = useMe();
  return (
    <article>
      <AdminTabs />
      <h1>{t('admin.settings.title')}</h1>
      <Language />
      {can(me.data, 'kpis:read') && <KpiTargets writable={can(me.data, 'kpis:write')} />}
      {can(me.data, 'kpis:read') && <PyramidTargets writable={can(me.data, 'kpis:write')} />}
      {can(me.data, 'survivorship:read') && <Survivorship writable={can(me.data, 'survivorship:write')} />}
    </article>
  );
}

function Language() {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="language-title">
      <h2 id="language-title">{t('admin.settings.language')}</h2>
      <label className="field">
        {t('admin.settings.languageText')}
        <select value={i18n.language} onChange={(e) => { void i18n.changeLanguage(e.target.value); rememberLanguage(e.target.value as Language); }}>
          {LANGUAGES.map((language) => <option key={language} value={language}>{language === 'de' ? 'Deutsch' : 'English'}</option>)}
        </select>
      </label>
    </section>
  );
}

function KpiTargets({ writable }: { writable: boolean }) {
  const { t } = useTranslation();
  const kpis = useKpiDefinitions();
  return (
    <section aria-labelledby="kpi-targets-title">
      <h2 id="kpi-targets-title">{t('admin.settings.kpiTargets')}</h2>
      <ReadOnlyNote writable={writable} />
      {kpis.isPending ? <Loading /> : kpis.isError ? <Failed error={kpis.error} retry={() => void kpis.refetch()} /> : kpis.data.length === 0 ? (
        <Empty>{t('kpis.empty')}</Empty>
      ) : (
        <table aria-label={t('admin.settings.kpiTargets')}>
          <thead>
            <tr>
              <th scope="col">{t('admin.settings.kpi')}</th>
              <th scope="col">{t('admin.settings.target')}</th>
              <th scope="col">{t('admin.settings.owners')}</th>
              <th scope="col">{t('admin.settings.shared')}</th>
              {writable && <th scope="col">{t('admin.common.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {kpis.data.map((kpi) => <KpiTargetRow key={kpi.key} kpi={kpi} writable={writable} />)}
          </tbody>
        </table>
      )}
    </section>
  );
}

function KpiTargetRow({ kpi, writable }: { kpi: KpiDefinition; writable: boolean }) {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const [value, setValue] = useState(kpi.target?.value !== undefined && kpi.target?.value !== null ? String(kpi.target.value) : '');
  const [owners, setOwners] = useState((kpi.target?.owners ?? kpi.owners ?? []).join(', '));
  const [shared, setShared] = useState(kpi.target?.shared ?? kpi.shared ?? false);
  const save = useMutation({
    mutationFn: () => api(`/api/v1/kpis/${encodeURIComponent(kpi.key)}/target`, {
      method: 'PUT', body: JSON.stringify({ value: Number(value), owners: list(owners), shared }),
    }),
    onSuccess: () => void queries.invalidateQueries({ queryKey: ['kpis'] }),
  });
  const invalid = value.trim() === '' || Number.isNaN(Number(value));
  return (
    <tr>
      <th scope="row">{kpi.name}</th>
      <td>
        <input aria-label={`${t('admin.settings.target')} ${kpi.name}`} value={value} disabled={!writable} inputMode="decimal"
          aria-invalid={writable && invalid} onChange={(e) => setValue(e.target.value)} />
      </td>
      <td>
        <input aria-label={`${t('admin.settings.owners')} ${kpi.name}`} value={owners} disabled={!writable} onChange={(e) => setOwners(e.target.value)} />
      </td>
      <td>
        <input type="checkbox" aria-label={`${t('admin.settings.shared')} ${kpi.name}`} checked={shared} disabled={!writable} onChange={(e) => setShared(e.target.checked)} />
      </td>
      {writable && (
        <td>
          <button type="button" disabled={invalid || save.isPending} aria-label={`${t('admin.common.save')} ${kpi.name}`} onClick={() => save.mutate()}>
            {t('admin.common.save')}
          </button>
          {save.isSuccess && <span className="notice"> {t('admin.common.saved')}</span>}
          {save.isError && <span className="errors" role="alert"> {problemLines(save.error).join('; ')}</span>}
        </td>
      )}
    </tr>
  );
}

function PyramidTargets({ writable }: { writable: boolean }) {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const targets = useQuery({ queryKey: ['scorecards', 'targets'], queryFn: () => api<{ levels: Record<string, number> }>('/api/v1/scorecards/pyramid/targets') });
  const [edits, setEdits] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: () => api('/api/v1/scorecards/pyramid/targets', {
      method: 'PUT', body: JSON.stringify({ levels: Object.fromEntries(Object.entries(edits).map(([level, v]) => [level, Number(v)])) }),
    }),
    onSuccess: () => { setEdits({}); void queries.invalidateQueries({ queryKey: ['scorecards'] }); },
  });
  return (
    <section aria-labelledby="pyramid-targets-title">
      <h2 id="pyramid-targets-title">{t('admin.settings.pyramid')}</h2>
      {targets.isPending ? <Loading /> : targets.isError ? <Failed error={targets.error} retry={() => void targets.refetch()} /> : (
        <form className="admin-form" onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
          {['1', '2', '3', '4', '5'].map((level) => (
            <label key={level}>
              {t('admin.settings.level', { level })} ({t(`scorecards.levels.${['communication', 'accountability', 'engagement', 'proactivity', 'enhancement'][Number(level) - 1]}`)})
              <input type="number" min={0} max={100} disabled={!writable} value={edits[level] ?? String(targets.data.levels?.[level] ?? '')}
                onChange={(e) => setEdits({ ...edits, [level]: e.target.value })} />
            </label>
          ))}
          {writable && <button type="submit" disabled={save.isPending || Object.keys(edits).length === 0}>{t('admin.common.save')}</button>}
          {save.isSuccess && <span className="notice">{t('admin.common.saved')}</span>}
        </form>
      )}
      {save.isError && <ul className="errors" role="alert">{problemLines(save.error).map((l) => <li key={l}>{l}</li>)}</ul>}
    </section>
  );
}

interface PolicyRow {
  attribute: string;
  strategy: string;
  sources: string;
}

function Survivorship({ writable }: { writable: boolean }) {
  const { t } = useTranslation();
  const policies = useQuery({ queryKey: ['survivorship'], queryFn: () => api<Policies>('/api/v1/survivorship') });
  return (
    <section aria-labelledby="survivorship-title">
      <h2 id="survivorship-title">{t('admin.settings.survivorship')}</h2>
      {policies.isPending ? <Loading /> : policies.isError ? <Failed error={policies.error} retry={() => void policies.refetch()} /> : (
        <SurvivorshipForm key={JSON.stringify(policies.data)} policies={policies.data} writable={writable} />
      )}
    </section>
  );
}

function SurvivorshipForm({ policies, writable }: { policies: Policies; writable: boolean }) {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const [fallback, setFallback] = useState<PolicyRow>({ attribute: '', strategy: policies.defaultPolicy?.strategy ?? 'most_recent', sources: (policies.defaultPolicy?.sources ?? []).join(', ') });
  const [rows, setRows] = useState<PolicyRow[]>(Object.entries(policies.attributes ?? {}).map(([attribute, p]) => ({ attribute, strategy: p.strategy, sources: (p.sources ?? []).join(', ') })));
  const save = useMutation({
    mutationFn: () => api('/api/v1/survivorship', {
      method: 'PUT',
      body: JSON.stringify({
        defaultPolicy: { strategy: fallback.strategy, sources: list(fallback.sources) },
        attributes: Object.fromEntries(rows.filter((r) => r.attribute.trim()).map((r) => [r.attribute.trim(), { strategy: r.strategy, sources: list(r.sources) }])),
      }),
    }),
    onSuccess: () => void queries.invalidateQueries({ queryKey: ['survivorship'] }),
  });
  const editor = (row: PolicyRow, change: (row: PolicyRow) => void, label: string) => (
    <>
      <td>
        <select aria-label={`${t('admin.settings.strategy')} ${label}`} value={row.strategy} disabled={!writable} onChange={(e) => change({ ...row, strategy: e.target.value })}>
          {STRATEGIES.map((s) => <option key={s} value={s}>{t(`admin.settings.strategies.${s}`)}</option>)}
        </select>
      </td>
      <td>
        <input aria-label={`${t('admin.settings.sources')} ${label}`} value={row.sources} disabled={!writable} onChange={(e) => change({ ...row, sources: e.target.value })} />
      </td>
    </>
  );
  return (
    <form onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
      <table aria-label={t('admin.settings.survivorship')}>
        <thead>
          <tr>
            <th scope="col">{t('admin.settings.attribute')}</th>
            <th scope="col">{t('admin.settings.strategy')}</th>
            <th scope="col">{t('admin.settings.sources')}</th>
            {writable && <th scope="col">{t('admin.common.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('admin.settings.defaultPolicy')}</th>
            {editor(fallback, setFallback, t('admin.settings.defaultPolicy'))}
            {writable && <td />}
          </tr>
          {rows.map((row, index) => (
            <tr key={index}>
              <td>
                <input aria-label={`${t('admin.settings.attribute')} ${index + 1}`} value={row.attribute} disabled={!writable}
                  onChange={(e) => setRows(rows.map((r, i) => (i === index ? { ...r, attribute: e.target.value } : r)))} />
              </td>
              {editor(row, (next) => setRows(rows.map((r, i) => (i === index ? next : r))), row.attribute || String(index + 1))}
              {writable && (
                <td>
                  <button type="button" aria-label={`${t('admin.settings.remove')} ${row.attribute || index + 1}`} onClick={() => setRows(rows.filter((_, i) => i !== index))}>
                    {t('admin.settings.remove')}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {writable && (
        <p className="admin-form">
          <button type="button" onClick={() => setRows([...rows, { attribute: '', strategy: 'most_recent', sources: '' }])}>{t('admin.settings.addAttribute')}</button>
          <button type="submit" disabled={save.isPending}>{t('admin.common.save')}</button>
          {save.isSuccess && <span className="notice">{t('admin.common.saved')}</span>}
        </p>
      )}
      {save.isError && <ul className="errors" role="alert">{problemLines(save.error).map((l) => <li key={l}>{l}</li>)}</ul>}
    </form>
  );
}
