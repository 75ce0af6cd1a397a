import { Navigate, NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../shared/auth';
import './admin.css';

/** The administration pages and the permission each needs to be shown. */
export const ADMIN_PAGES = [
  { path: '/admin/modules', label: 'admin.nav.modules', permission: 'modules:read' },
  { path: '/admin/users', label: 'admin.nav.users', permission: 'users:read' },
  { path: '/admin/tokens', label: 'admin.nav.tokens', permission: 'tokens:read' },
  { path: '/admin/audit', label: 'admin.nav.audit', permission: 'audit:read' },
  { path: '/admin/privacy', label: 'admin.nav.privacy', permission: 'privacy:read' },
  { path: '/admin/settings', label: 'admin.nav.settings', permission: 'kpis:read' },
  { path: '/admin/connections', label: 'admin.nav.connections', permission: 'connections:read' },
] as const;

/** The tab row above every administration page: only the pages the caller may open. */
export function AdminTabs() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <nav className="admin-tabs" aria-label={t('admin.tabs')}>
      <ul>
        {ADMIN_PAGES.filter((page) => can(me.data, page.permission)).map((page) => (
          <li key={page.path}>
            <NavLink to={page.path}>{t(page.label)}</NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** /admin: the first administration page the caller may open. */
export default function AdminIndex() {
  const me = useMe();
  const first = ADMIN_PAGES.find((page) => can(me.data, page.permission));
  return <Navigate to={first?.path ?? '/'} replace />;
}

/** Shows a hint when the caller may read but not change what the page shows. */
export function ReadOnlyNote({ writable }: { writable: boolean }) {
  const { t } = useTranslation();
  return writable ? null : <p className="muted">{t('admin.common.readOnly')}</p>;
}

/** A button that copies a text and says so. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      aria-label={label}
      onClick={(event) => {
        const button = event.currentTarget;
        void navigator.clipboard?.writeText(text).then(
          () => (button.dataset.copied = 'true'),
          () => undefined,
        );
        button.textContent = t('admin.common.copied');
      }}
    >
      {t('admin.common.copy')}
    </button>
  );
}
