import { render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider } from 'react-router';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from '../shared/i18n/en';
import CustomersPage from './CustomersPage';

beforeEach(() => {
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(800);
});

beforeAll(() => i18next.use(initReactI18next).init({ lng: 'en', resources: { en: { translation: en } } }));

function renderAt(path: string, answer: () => Response) {
  const fetch = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => answer());
  vi.stubGlobal('fetch', fetch);
  const router = createMemoryRouter([{ path: '/customers', element: <CustomersPage /> }], { initialEntries: [path] });
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return fetch;
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('CustomersPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('searches with the q of the address and lists the customers', async () => {
    const fetch = renderAt('/customers?q=erika', () => json({ items: [{ id: 'c1', displayName: 'Erika Mustermann', email: 'erika@example.com' }] }));
    expect(await screen.findByRole('link', { name: 'Erika Mustermann' })).toHaveAttribute('href', '/customers/c1');
    expect(screen.getByRole('searchbox')).toHaveValue('erika');
    expect(fetch.mock.calls[0][0]).toBe('/api/v1/customers?q=erika&limit=100');
  });

  it('passes the kind and source filters of the address to the server', async () => {
    const fetch = renderAt('/customers?kind=person&source=crm', () => json({ items: [{ id: 'c2', displayName: 'Anna' }] }));
    expect(await screen.findByRole('link', { name: 'Anna' })).toBeInTheDocument();
    expect(fetch.mock.calls[0][0]).toBe('/api/v1/customers?kind=person&source=crm&limit=100');
    expect(screen.getByLabelText('Kind')).toHaveValue('person');
  });

  it('says so when nobody matches', async () => {
    renderAt('/customers?q=nobody', () => json({ items: [] }));
    expect(await screen.findByText('No customers match.')).toBeInTheDocument();
  });

  it('shows the problem when the search fails', async () => {
    renderAt('/customers?q=x', () => json({ status: 400, detail: 'q: too long' }, 400));
    expect(await screen.findByRole('alert')).toHaveTextContent('q: too long');
  });
});
