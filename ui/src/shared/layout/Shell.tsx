import { Suspense, useEffect, useState } from 'react';
import { NavLink, Outlet, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { signOut } from '../api/client';
import { ME_KEY, type Me, useSignInOptions } from '../auth';
import { LANGUAGES, type Language, rememberLanguage } from '../i18n';
import { Loading } from '../ui/States';
import { CommandMenu } from './CommandMenu';
import { NAVIGATION } from './navigation';

/** The frame of every signed-in page: navigation, language, the user menu and the command menu. */
export function Shell({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const [search, setSearch] = useSearchParams();
  const [menuOpen, setMenuOpen] = useState(false);
  const options = useSignInOptions();

  useEffect(() => {
    const asked = search.get('lang');
    if (asked && (LANGUAGES as readonly string[]).includes(asked) && asked !== i18n.language) {
      void i18n.changeLanguage(asked);
      rememberLanguage(asked as Language);
    }
  }, [search, i18n]);

  useEffect(() => {
    const open = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() === 'k' && (event.metaKey || event.ctrlKey)) {
        event.preventDefault();
        setMenuOpen((was) => !was);
      }
    };
    window.addEventListener('keydown', open);
    return () => window.removeEventListener('keydown', open);
  }, []);

  const switchLanguage = (language: Language) => {
    void i18n.changeLanguage(language);
    rememberLanguage(language);
    const next = new URLSearchParams(search);
    next.set('lang', language);
    setSearch(next, { replace: true });
  };

  const leave = async () => {
    if (options.data?.mode === 'keycloak') {
      // Kreis drops its session cookie and sends the browser to Keycloak's logout, which returns to /login.
      window.location.assign(options.data.signOut ?? '/auth/keycloak/sign-out');
      return;
    }
    await signOut().catch(() => undefined);
    queries.setQueryData(ME_KEY, null);
    queries.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_KEY[0] });
    navigate('/login');
  };

  return (
    <div className="shell">
      <a className="skip" href="#main">
        {t('app.skip')}
      </a>
      <header className="top">
        <span className="brand">{t('app.name')}</span>
        <button type="button" className="command-button" onClick={() => setMenuOpen(true)}>
          {t('shell.commandHint')}
        </button>
        <div className="languages" role="group" aria-label={t('shell.language')}>
          {LANGUAGES.map((language) => (
            <button
              key={language}
              type="button"
              lang={language}
              aria-pressed={i18n.language === language}
              onClick={() => switchLanguage(language)}
            >
              {language.toUpperCase()}
            </button>
          ))}
        </div>
        <DropdownMenu.Root>
          <DropdownMenu.Trigger className="user-button">{me.name}</DropdownMenu.Trigger>
          <DropdownMenu.Portal>
            <DropdownMenu.Content className="menu" align="end" sideOffset={4}>
              <DropdownMenu.Label className="menu-label">{t('shell.signedInAs', { name: me.name })}</DropdownMenu.Label>
              <DropdownMenu.Item className="menu-item" onSelect={() => void leave()}>
                {t('shell.signOut')}
              </DropdownMenu.Item>
            </DropdownMenu.Content>
          </DropdownMenu.Portal>
        </DropdownMenu.Root>
      </header>
      <nav className="side" aria-label={t('app.mainNav')}>
        <ul>
          {NAVIGATION.filter((item) => !item.permission || me.permissions.includes(item.permission)).map((item) => (
            <li key={item.path}>
              <NavLink to={item.path} end={item.path === '/'}>
                {t(item.label)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <CommandMenu open={menuOpen} onOpenChange={setMenuOpen} me={me} />
    </div>
  );
}
