import { render, screen, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider } from 'react-router';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from '../shared/i18n/en';
import ScorecardsPage from './ScorecardsPage';

beforeAll(() => i18next.use(initReactI18next).init({ lng: 'en', resources: { en: { translation: en } } }));

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const level = (number: number, name: string, score: number | null, target: number, components: { key: string; value: number; sampleSize: number }[] = []) => ({
  level: number, name, metric: `${name} metric`, value: score, score, target, meetsTarget: score == null ? null : score >= target, components,
});

const pyramid = {
  from: '2031-01-01', to: '2031-02-01', lowestMissed: 3,
  levels: [
    level(1, 'communication', 90, 80),
    level(2, 'accountability', null, 80),
    level(3, 'engagement', 70.8334, 80, [{ key: 'csat', value: 75, sampleSize: 4 }, { key: 'ces_share_easy', value: 66.6667, sampleSize: 3 }]),
    level(4, 'proactivity', 60, 50),
    level(5, 'enhancement', 50, 80),
  ],
};
const alignment = {
  from: '2031-01-01', to: '2031-02-01',
  sharedKpis: { count: 1, kpis: [{ key: 'churn_rate', owners: ['sales', 'support'] }] },
  customersAcrossModules: { customers: 5, withTwoOrMoreModules: 3, share: 60 },
  connectedSources: { count: 0, sources: [] },
};

function renderAt(path: string, answer: (url: string) => Response) {
  const fetch = vi.fn(async (input: RequestInfo | URL) => answer(String(input)));
  vi.stubGlobal('fetch', fetch);
  const router = createMemoryRouter([{ path: '/scorecards', element: <ScorecardsPage /> }, { path: '/kpis/:key', element: <p>kpi</p> }], { initialEntries: [path] });
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return fetch;
}

const api = (url: string) =>
  url.startsWith('/api/v1/scorecards/pyramid') ? json(pyramid)
    : url.startsWith('/api/v1/scorecards/alignment') ? json(alignment)
      : json([{ key: 'csat', name: 'CSAT' }, { key: 'churn_rate', name: 'Churn' }]);

describe('ScorecardsPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('marks the lowest missed level, not every level below target', async () => {
    renderAt('/scorecards', api);
    const lowest = await screen.findByTestId('pyramid-level-3');
    expect(lowest).toHaveClass('lowest-missed');
    expect(within(lowest).getByText('lowest missed level')).toBeInTheDocument();
    expect(screen.getByTestId('pyramid-level-5')).not.toHaveClass('lowest-missed');
    expect(within(screen.getByTestId('pyramid-level-5')).getByText('below target')).toBeInTheDocument();
    expect(within(screen.getByTestId('pyramid-level-2')).getByText('no data')).toBeInTheDocument();
    expect(screen.getByText(/Lowest missed level: 3\. Engagement/)).toBeInTheDocument();
  });

  it('links the evidence that is a KPI to its KPI page', async () => {
    renderAt('/scorecards', api);
    expect(await screen.findByRole('link', { name: 'CSAT' })).toHaveAttribute('href', '/kpis/csat');
    expect(screen.queryByRole('link', { name: 'Easy CES answers' })).toBeNull();
    expect(screen.getByText('3 of 5 (60%)')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'churn_rate' })).toHaveAttribute('href', '/kpis/churn_rate');
    expect(screen.getByText('No source sent touchpoints in this period.')).toBeInTheDocument();
  });

  it('asks for the period of the address', async () => {
    const fetch = renderAt('/scorecards?from=2031-01-01&to=2031-02-01', api);
    await screen.findByTestId('pyramid-table');
    const urls = fetch.mock.calls.map((call) => String(call[0]));
    expect(urls).toContain('/api/v1/scorecards/pyramid?from=2031-01-01&to=2031-02-01');
    expect(urls).toContain('/api/v1/scorecards/alignment?from=2031-01-01&to=2031-02-01');
  });

  it('shows the error of a failed pyramid with a retry', async () => {
    renderAt('/scorecards', (url) => (url.startsWith('/api/v1/scorecards/pyramid') ? json({ title: 'boom', status: 500 }, 500) : api(url)));
    expect(await screen.findByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
