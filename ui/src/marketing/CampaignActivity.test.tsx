import { render, screen, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider } from 'react-router';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from '../shared/i18n/en';
import { de } from '../shared/i18n/de';
import CampaignsPage from './CampaignsPage';

beforeAll(() => i18next.use(initReactI18next).init({ lng: 'en', resources: { en: { translation: en }, de: { translation: de } } }));

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' } });

const ID = '8f7e6d5c-4b3a-4291-8f7e-6d5c4b3a2918';
const campaign = {
  id: ID, name: 'Spring sale', channel: 'email', purpose: 'marketing', startsOn: '2031-03-01', endsOn: '2031-03-31', budget: 1200,
  audience: { type: 'list', size: 2 }, createdAt: '2031-02-01T09:00:00Z', updatedAt: '2031-02-01T09:00:00Z', refreshedAt: '2031-02-02T09:00:00Z',
};
const kinds = ['sent', 'delivered', 'opened', 'clicked', 'bounced', 'unsubscribed'];
const activity = (events: number[], customers: number[]) => ({
  campaignId: ID,
  email: kinds.map((event, index) => ({ event, type: `marketing.email_${event}`, events: events[index], customers: customers[index] })),
  lastEmailEventAt: events.some((n) => n > 0) ? '2031-03-04T16:12:00Z' : null,
  web: { taggedVisits: 22, taggedVisitors: 14, memberVisits: 85, memberVisitors: 40, from: '2031-03-01T00:00:00Z', to: '2031-04-01T00:00:00Z' },
  computedAt: '2031-04-02T08:00:00Z',
});

function renderAt(path: string, answerActivity: () => Response) {
  const fetch = vi.fn(async (input: RequestInfo | URL) => {
    const url = String(input);
    if (url.startsWith('/api/v1/me')) return json({ username: 'mia', roles: ['viewer'], permissions: ['marketing:read'] });
    if (url.startsWith(`/api/v1/marketing/campaigns/${ID}/activity`)) return answerActivity();
    if (url.startsWith(`/api/v1/marketing/campaigns/${ID}/members`)) return json({ items: [], nextCursor: null });
    if (url.startsWith('/api/v1/marketing/campaigns')) return json({ items: [campaign], nextCursor: null });
    return json({ value: null, sampleSize: 0 });
  });
  vi.stubGlobal('fetch', fetch);
  const router = createMemoryRouter([{ path: '/marketing/campaigns', element: <CampaignsPage /> }], { initialEntries: [path] });
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return fetch;
}

describe('CampaignActivity on the campaigns page', () => {
  afterEach(async () => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    await i18next.changeLanguage('en');
  });

  it('shows the selected campaign\'s e-mail event counts per kind and its web activity', async () => {
    const fetch = renderAt(`/marketing/campaigns?campaign=${ID}`, () => json(activity([120, 117, 64, 19, 3, 2], [120, 117, 51, 15, 3, 2])));
    const table = await screen.findByTestId('email-counts');
    const opened = within(table).getByRole('row', { name: /opened/ });
    expect(within(opened).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['64', '51']);
    expect(within(table).getByRole('row', { name: /unsubscribed/ })).toHaveTextContent('2');
    expect(screen.getByTestId('tagged-visits')).toHaveTextContent('22');
    expect(screen.getByTestId('member-visits')).toHaveTextContent('85');
    expect(screen.getByText(`Counted when the page address carries utm_campaign=${ID}.`)).toBeInTheDocument();
    expect(screen.getByText(/Mar 31, 2031: context, not attributed/)).toBeInTheDocument();
    expect(fetch).toHaveBeenCalledWith(`/api/v1/marketing/campaigns/${ID}/activity`, expect.anything());
  });

  it('says so when the campaign has no e-mail events yet', async () => {
    renderAt(`/marketing/campaigns?campaign=${ID}`, () => json(activity([0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0])));
    expect(await screen.findByText('No e-mail events recorded for this campaign yet.')).toBeInTheDocument();
    expect(screen.queryByTestId('email-counts')).not.toBeInTheDocument();
    expect(screen.getByTestId('tagged-visits')).toHaveTextContent('22');
  });

  it('shows the failure with a retry when the activity cannot be read', async () => {
    renderAt(`/marketing/campaigns?campaign=${ID}`, () => json({ status: 500, title: 'Internal error', detail: 'boom' }, 500));
    const region = await screen.findByTestId('campaign-activity');
    expect(await within(region).findByRole('alert')).toHaveTextContent('Something went wrong');
    expect(within(region).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('shows nothing of it until a campaign is selected', async () => {
    const fetch = renderAt('/marketing/campaigns', () => json(activity([1, 0, 0, 0, 0, 0], [1, 0, 0, 0, 0, 0])));
    await screen.findByTestId('campaigns');
    expect(screen.queryByTestId('campaign-activity')).not.toBeInTheDocument();
    expect(fetch.mock.calls.some(([url]) => String(url).endsWith('/activity'))).toBe(false);
  });

  it('speaks German', async () => {
    await i18next.changeLanguage('de');
    renderAt(`/marketing/campaigns?campaign=${ID}`, () => json(activity([5, 4, 3, 2, 1, 0], [5, 4, 3, 2, 1, 0])));
    const table = await screen.findByTestId('email-counts');
    expect(within(table).getByRole('row', { name: /geöffnet/ })).toHaveTextContent('3');
    expect(screen.getByText('Besuche über Kampagnen-Links')).toBeInTheDocument();
  });
});
