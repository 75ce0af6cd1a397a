import { fireEvent, render, screen, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider } from 'react-router';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from '../shared/i18n/en';
import FeedbackPage from './FeedbackPage';
import SurveyPage from './SurveyPage';

beforeAll(() => i18next.use(initReactI18next).init({ lng: 'en', resources: { en: { translation: en } } }));

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const survey = { id: 's1', name: 'After-support NPS', kind: 'nps', question: 'How likely…?', invitations: 4, responses: 3, createdAt: '2031-01-01T00:00:00Z' };
const results = {
  surveyId: 's1', kind: 'nps', answers: 3, value: 33.3333, interval: 'month',
  distribution: Array.from({ length: 11 }, (_, score) => ({ score, answers: score === 3 || score >= 9 ? 1 : 0 })),
  trend: [{ from: '2031-01-01', answers: 1, value: 100 }, { from: '2031-02-01', answers: 2, value: 0 }],
};
const answers = {
  items: [
    { id: 'a1', customerId: 'c0ffee00-0000-4000-8000-000000000001', score: 3, comment: 'Slow', answeredAt: '2031-02-20T10:00:00Z' },
    { id: 'a2', customerId: 'c0ffee00-0000-4000-8000-000000000002', score: 9, answeredAt: '2031-02-02T10:00:00Z' },
  ],
  nextCursor: null,
};

function renderAt(path: string, answer: (url: string) => Response) {
  const fetch = vi.fn(async (input: RequestInfo | URL) => answer(String(input)));
  vi.stubGlobal('fetch', fetch);
  const router = createMemoryRouter(
    [
      { path: '/feedback', element: <FeedbackPage /> },
      { path: '/feedback/:surveyId', element: <SurveyPage /> },
    ],
    { initialEntries: [path] },
  );
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { fetch, router };
}

const api = (url: string) =>
  url.startsWith('/api/v1/surveys/s1/results') ? json(results)
    : url.startsWith('/api/v1/surveys/s1/answers') ? json(answers)
      : url.startsWith('/api/v1/surveys/s1') ? json(survey)
        : json({ items: [survey], nextCursor: null });

describe('FeedbackPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('lists the surveys, each opening its results', async () => {
    renderAt('/feedback', api);
    expect(await screen.findByRole('link', { name: 'After-support NPS' })).toHaveAttribute('href', '/feedback/s1');
  });

  it('says so when there is no survey', async () => {
    renderAt('/feedback', () => json({ items: [], nextCursor: null }));
    expect(await screen.findByText('No surveys yet.')).toBeInTheDocument();
  });
});

describe('SurveyPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('shows the figure, the distribution and the answers linked to their customers', async () => {
    renderAt('/feedback/s1', api);
    expect(await screen.findByTestId('survey-figure')).toHaveTextContent('33.33');
    const distribution = screen.getByTestId('distribution');
    expect(within(distribution).getAllByRole('row')).toHaveLength(12);
    const table = await screen.findByTestId('answers');
    expect(within(table).getByText('Slow')).toBeInTheDocument();
    expect(within(table).getByText('no comment')).toBeInTheDocument();
    expect(within(table).getByRole('link', { name: 'Customer c0ffee00-0000-4000-8000-000000000001' }).getAttribute('href')).toBe('/customers/c0ffee00-0000-4000-8000-000000000001');
  });

  it('keeps interval and view in the address and shows the trend as a table', async () => {
    const { fetch, router } = renderAt('/feedback/s1?view=table', api);
    const trend = await screen.findByTestId('trend-table');
    expect(within(trend).getAllByRole('row')).toHaveLength(3);
    fireEvent.click(screen.getByRole('button', { name: 'Week' }));
    expect(router.state.location.search).toContain('interval=week');
    await screen.findByTestId('trend-table');
    expect(fetch.mock.calls.map((call) => String(call[0]))).toContain('/api/v1/surveys/s1/results?interval=week');
  });

  it('shows an unknown survey as an error', async () => {
    renderAt('/feedback/s1', (url) => (url === '/api/v1/surveys/s1' ? json({ title: 'Not found', status: 404, detail: 'No survey s1' }, 404) : api(url)));
    expect(await screen.findByRole('alert')).toBeInTheDocument();
  });
});
