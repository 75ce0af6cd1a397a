import { Fragment, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../shared/format';
import { usePageTitle } from '../shared/usePageTitle';
import { Empty, Failed, Loading } from '../shared/ui/States';
import { AdminTabs } from './AdminTabs';
import { type AuditEntry, type AuditFilter, useAudit } from './api';
import { diff, targetLink } from './diff';

const FILTERS = ['actor', 'action', 'targetType', 'targetId', 'from', 'to'] as const;

/** /admin/audit: who did what to which target, filtered by the address, with the change as a diff. */
export default function AuditPage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.audit.title'));
  const [search, setSearch] = useSearchParams();
  const filter: AuditFilter = {};
  for (const key of FILTERS) {
    const value = search.get(key);
    if (value) filter[key] = key === 'from' || key === 'to' ? new Date(`${value}T${key === 'from' ? '00:00:00' : '23:59:59'}Z`).toISOString() : value;
  }
  const cursor = search.get('cursor') ?? undefined;
  const audit = useAudit(filter, cursor);
  const apply = (form: HTMLFormElement) => {
    const data = new FormData(form);
    const next = new URLSearchParams();
    const lang = search.get('lang');
    if (lang) next.set('lang', lang);
    for (const key of FILTERS) {
      const value = String(data.get(key) ?? '').trim();
      if (value) next.set(key, value);
    }
    setSearch(next);
  };
  return (
    <article>
      <AdminTabs />
      <h1>{t('admin.audit.title')}</h1>
      <form className="toolbar" key={search.toString()} onSubmit={(e) => { e.preventDefault(); apply(e.currentTarget); }}>
        {FILTERS.map((key) => (
          <label key={key}>
            {t(`admin.audit.${key}`)}
            <input name={key} type={key === 'from' || key === 'to' ? 'date' : 'text'} defaultValue={search.get(key) ?? ''} />
          </label>
        ))}
        <button type="submit">{t('admin.audit.apply')}</button>
        <button type="button" onClick={() => setSearch(search.get('lang') ? { lang: search.get('lang')! } : {})}>{t('admin.audit.reset')}</button>
      </form>
      {audit.isPending ? (
        <Loading />
      ) : audit.isError ? (
        <Failed error={audit.error} retry={() => void audit.refetch()} />
      ) : audit.data.items.length === 0 ? (
        <Empty>{t('admin.audit.empty')}</Empty>
      ) : (
        <>
          <table aria-label={t('admin.audit.title')} data-testid="audit-table">
            <thead>
              <tr>
                <th scope="col">{t('admin.audit.when')}</th>
                <th scope="col">{t('admin.audit.actor')}</th>
                <th scope="col">{t('admin.audit.action')}</th>
                <th scope="col">{t('admin.audit.target')}</th>
                <th scope="col">{t('admin.audit.change')}</th>
              </tr>
            </thead>
            <tbody>
              {audit.data.items.map((entry) => <EntryRows key={entry.id} entry={entry} />)}
            </tbody>
          </table>
          {audit.data.nextCursor && (
            <p>
              <Link to={`?${new URLSearchParams({ ...Object.fromEntries(search), cursor: audit.data.nextCursor }).toString()}`}>{t('admin.audit.more')}</Link>
            </p>
          )}
        </>
      )}
    </article>
  );
}

function EntryRows({ entry }: { entry: AuditEntry }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const link = targetLink(entry.targetType, entry.targetId);
  const changes = open ? diff(entry.before, entry.after) : [];
  const target = `${entry.targetType}${entry.targetId ? ` ${entry.targetId}` : ''}`;
  return (
    <Fragment>
      <tr data-testid="audit-entry">
        <td>{formatDateTime(entry.occurredAt, i18n.language)}</td>
        <td>{entry.actor}</td>
        <td><code>{entry.action}</code></td>
        <td>{link ? <Link to={link}>{target}</Link> : target}</td>
        <td>
          <button type="button" aria-expanded={open} aria-label={`${open ? t('admin.audit.hide') : t('admin.audit.show')}: ${entry.action} ${target}`} onClick={() => setOpen(!open)}>
            {open ? t('admin.audit.hide') : t('admin.audit.show')}
          </button>
        </td>
      </tr>
      {open && (
        <tr>
          <td colSpan={5}>
            {changes.length === 0 ? (
              <p className="muted">{t('admin.audit.noChange')}</p>
            ) : (
              <table className="diff" aria-label={`${t('admin.audit.change')}: ${entry.action}`}>
                <thead>
                  <tr>
                    <th scope="col">{t('admin.audit.diffField')}</th>
                    <th scope="col">{t('admin.audit.before')}</th>
                    <th scope="col">{t('admin.audit.after')}</th>
                  </tr>
                </thead>
                <tbody>
                  {changes.map((change) => (
                    <tr key={change.path}>
                      <th scope="row">{change.path}</th>
                      <td className={change.before !== undefined ? 'removed' : undefined}>{change.before ?? '–'}</td>
                      <td className={change.after !== undefined ? 'added' : undefined}>{change.after ?? '–'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </td>
        </tr>
      )}
    </Fragment>
  );
}
