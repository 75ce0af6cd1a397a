import { type FormEvent, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { keycloakSignInUrl, signIn } from '../shared/api/client';
import { ME_KEY, useMe, useSignInOptions } from '../shared/auth';
import { Failed, Loading } from '../shared/ui/States';
import { usePageTitle } from '../shared/usePageTitle';

/** Only addresses inside the app are followed after sign-in. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export default function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('login.title'));
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const me = useMe();
  const options = useSignInOptions();
  const [failed, setFailed] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(search.get('next'));

  if (me.data) return <Navigate to={next} replace />;
  if (options.isPending) return <Loading />;
  if (options.isError) return <Failed error={options.error} retry={() => void options.refetch()} />;

  if (options.data.mode === 'keycloak') {
    return (
      <main className="login" id="main">
        <div className="login-box">
          <h1>{t('login.title')}</h1>
          <p>{t('login.keycloakHint')}</p>
          <a className="button primary" href={keycloakSignInUrl(options.data, next)}>
            {t('login.keycloak')}
          </a>
        </div>
      </main>
    );
  }

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setFailed(null);
    try {
      if (await signIn(String(form.get('username')), String(form.get('password')))) {
        await queries.invalidateQueries({ queryKey: ME_KEY });
        navigate(next, { replace: true });
      } else {
        setFailed(t('login.failed'));
      }
    } catch (error) {
      setFailed((error as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="login" id="main">
      <form onSubmit={(event) => void submit(event)} aria-describedby={failed ? 'login-error' : undefined}>
        <h1>{t('login.title')}</h1>
        <label htmlFor="username">{t('login.username')}</label>
        <input id="username" name="username" autoComplete="username" required />
        <label htmlFor="password">{t('login.password')}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
        {failed && (
          <p id="login-error" className="error" role="alert">
            {failed}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? t('login.busy') : t('login.submit')}
        </button>
      </form>
    </main>
  );
}
