import { render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider } from 'react-router';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from '../shared/i18n/en';
import { CustomersAtRisk, MyOpenTasks, myDepartments } from './HomeLists';

beforeAll(() => i18next.use(initReactI18next).init({ lng: 'en', resources: { en: { translation: en } } }));

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function renderWith(element: React.ReactNode, answer: (url: string) => Response) {
  const fetch = vi.fn(async (input: RequestInfo | URL) => answer(String(input)));
  vi.stubGlobal('fetch', fetch);
  const router = createMemoryRouter([{ path: '/', element }], { initialEntries: ['/'] });
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return fetch;
}

const task = (id: string, department: string, title: string) => ({ id, department, title, customerId: `c-${id}`, priority: 'high', status: 'open', createdAt: '2031-01-01T00:00:00Z' });

describe('home lists', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('counts department roles as the caller\'s departments and admins as all of them', () => {
    expect(myDepartments({ roles: ['support', 'viewer'] })).toEqual(['support']);
    expect(myDepartments({ roles: ['cx-manager'] })).toBe('all');
    expect(myDepartments({ roles: ['viewer'] })).toEqual([]);
  });

  it('shows the open tasks of the caller\'s departments only', async () => {
    const fetch = renderWith(<MyOpenTasks me={{ roles: ['support'] }} />, () =>
      json({ items: [task('1', 'support', 'Call back the detractor'), task('2', 'sales', 'Renewal talk')] }));
    expect(await screen.findByRole('link', { name: 'Call back the detractor' })).toHaveAttribute('href', '/customers/c-1');
    expect(screen.queryByText('Renewal talk')).toBeNull();
    expect(String(fetch.mock.calls[0][0])).toBe('/api/v1/tasks?status=open&limit=100');
  });

  it('lists the detractors of the newest NPS surveys, newest first, and not the promoters', async () => {
    renderWith(<CustomersAtRisk />, (url) => {
      if (url.startsWith('/api/v1/surveys?')) return json({ items: [{ id: 's1', kind: 'nps' }, { id: 's2', kind: 'csat' }] });
      if (url.startsWith('/api/v1/surveys/s1/answers')) {
        return json({ items: [
          { id: 'a1', customerId: 'old', score: 2, comment: 'Never again', answeredAt: '2031-01-01T00:00:00Z' },
          { id: 'a2', customerId: 'fan', score: 10, answeredAt: '2031-01-03T00:00:00Z' },
          { id: 'a3', customerId: 'new', score: 6, answeredAt: '2031-01-02T00:00:00Z' },
        ] });
      }
      return json({ title: 'unexpected' }, 500);
    });
    const links = await screen.findAllByRole('link');
    expect(links.map((link) => link.getAttribute('href'))).toEqual(['/customers/new', '/customers/old']);
    expect(screen.getByText(/Never again/)).toBeInTheDocument();
  });

  it('says so when nobody is at risk', async () => {
    renderWith(<CustomersAtRisk />, () => json({ items: [] }));
    expect(await screen.findByText('No recent detractors in the newest NPS surveys.')).toBeInTheDocument();
  });
});
