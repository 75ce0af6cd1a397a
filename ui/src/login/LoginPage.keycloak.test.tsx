import { render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider } from 'react-router';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from '../shared/i18n/en';
import LoginPage from './LoginPage';

beforeAll(() => i18next.use(initReactI18next).init({ lng: 'en', resources: { en: { translation: en } } }));
afterEach(() => vi.unstubAllGlobals());

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function renderLogin(path: string, options: unknown) {
  vi.stubGlobal('fetch', vi.fn(async (input: RequestInfo | URL) => {
    const url = String(input);
    if (url.startsWith('/auth/options')) return json(options);
    if (url.startsWith('/api/v1/me')) return json({ status: 401 }, 401);
    return json({ status: 404 }, 404);
  }));
  const router = createMemoryRouter([{ path: '/login', element: <LoginPage /> }], { initialEntries: [path] });
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

describe('LoginPage', () => {
  it('in keycloak mode offers "Sign in with Keycloak" leading back to the page asked for, and no password form', async () => {
    renderLogin('/login?next=%2Fcustomers%3Fq%3Derika', { mode: 'keycloak', signIn: '/auth/keycloak/sign-in', signOut: '/auth/keycloak/sign-out' });

    const link = await screen.findByRole('link', { name: 'Sign in with Keycloak' });
    expect(link).toHaveAttribute('href', '/auth/keycloak/sign-in?next=%2Fcustomers%3Fq%3Derika');
    expect(screen.queryByLabelText('Password')).not.toBeInTheDocument();
  });

  it('in local mode shows the password form and no Keycloak button', async () => {
    renderLogin('/login', { mode: 'local' });

    expect(await screen.findByLabelText('Password')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Sign in with Keycloak' })).not.toBeInTheDocument();
  });

  it('never sends the browser elsewhere after the Keycloak sign-in', async () => {
    renderLogin('/login?next=https%3A%2F%2Fevil.example', { mode: 'keycloak', signIn: '/auth/keycloak/sign-in' });

    expect(await screen.findByRole('link', { name: 'Sign in with Keycloak' })).toHaveAttribute('href', '/auth/keycloak/sign-in?next=%2F');
  });
});
