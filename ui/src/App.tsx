import { lazy, Suspense, useEffect } from 'react';
import { createBrowserRouter, Navigate, RouterProvider, useLocation, useRouteError } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { whenSignedOut } from './shared/api/client';
import { ME_KEY, useMe } from './shared/auth';
import { Shell } from './shared/layout/Shell';
import { Failed, Loading } from './shared/ui/States';

const LoginPage = lazy(() => import('./login/LoginPage'));
const HomePage = lazy(() => import('./home/HomePage'));
const CustomersPage = lazy(() => import('./customers/CustomersPage'));
const Customer360Page = lazy(() => import('./customers/Customer360Page'));
const KpisPage = lazy(() => import('./kpis/KpisPage'));
const KpiDetailPage = lazy(() => import('./kpis/KpiDetailPage'));
const MergeSuggestionsPage = lazy(() => import('./identity/MergeSuggestionsPage'));
const JourneysPage = lazy(() => import('./journeys/JourneysPage'));
const ScorecardsPage = lazy(() => import('./scorecards/ScorecardsPage'));
const FeedbackPage = lazy(() => import('./feedback/FeedbackPage'));
const SurveyPage = lazy(() => import('./feedback/SurveyPage'));
const AdminIndex = lazy(() => import('./admin/AdminTabs'));
const ModulesPage = lazy(() => import('./admin/ModulesPage'));
const UsersPage = lazy(() => import('./admin/UsersPage'));
const TokensPage = lazy(() => import('./admin/TokensPage'));
const AuditPage = lazy(() => import('./admin/AuditPage'));
const PrivacyPage = lazy(() => import('./privacy/PrivacyPage'));
const SettingsPage = lazy(() => import('./admin/SettingsPage'));
const ConnectionsPage = lazy(() => import('./admin/ConnectionsPage'));
const SurveysPage = lazy(() => import('./surveys/SurveysPage'));
const TasksPage = lazy(() => import('./signals/TasksPage'));
const SignalsPage = lazy(() => import('./signals/SignalsPage'));
const TicketsPage = lazy(() => import('./support/TicketsPage'));
const TicketPage = lazy(() => import('./support/TicketPage'));
const SlaPoliciesPage = lazy(() => import('./support/SlaPoliciesPage'));
const LeadsPage = lazy(() => import('./sales/LeadsPage'));
const PipelinePage = lazy(() => import('./sales/PipelinePage'));
const OrdersPage = lazy(() => import('./sales/OrdersPage'));
const CampaignsPage = lazy(() => import('./marketing/CampaignsPage'));

export const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: (count, error) => count < 2 && (error as { status?: number }).status !== 403 && (error as { status?: number }).status !== 404 && (error as { status?: number }).status !== 400 } },
});

whenSignedOut(() => queryClient.setQueryData(ME_KEY, null));

/** Every page but /login needs a session; without one the sign-in page comes, remembering where to. */
function SignedIn() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (me.isError) return <Failed error={me.error} retry={() => void me.refetch()} />;
  if (!me.data) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  return <Shell me={me.data} />;
}

function LazyPage({ children }: { children: React.ReactNode }) {
  useEffect(() => {
    window.scrollTo(0, 0);
  }, []);
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

/** A page that failed while rendering: the error, instead of a blank screen. */
function PageError() {
  return <Failed error={useRouteError()} retry={() => window.location.reload()} />;
}

const router = createBrowserRouter([
  { path: '/login', element: <LazyPage><LoginPage /></LazyPage>, errorElement: <PageError /> },
  {
    element: <SignedIn />,
    errorElement: <PageError />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'customers', element: <CustomersPage /> },
      { path: 'customers/:id', element: <Customer360Page /> },
      { path: 'kpis', element: <KpisPage /> },
      { path: 'kpis/:key', element: <KpiDetailPage /> },
      { path: 'merge-suggestions', element: <MergeSuggestionsPage /> },
      { path: 'journeys', element: <JourneysPage /> },
      { path: 'scorecards', element: <ScorecardsPage /> },
      { path: 'feedback', element: <FeedbackPage /> },
      { path: 'feedback/:surveyId', element: <SurveyPage /> },
      { path: 'admin', element: <AdminIndex /> },
      { path: 'admin/modules', element: <ModulesPage /> },
      { path: 'admin/users', element: <UsersPage /> },
      { path: 'admin/tokens', element: <TokensPage /> },
      { path: 'admin/audit', element: <AuditPage /> },
      { path: 'admin/privacy', element: <PrivacyPage /> },
      { path: 'admin/settings', element: <SettingsPage /> },
      { path: 'admin/connections', element: <ConnectionsPage /> },
      { path: 'surveys', element: <SurveysPage /> },
      { path: 'tasks', element: <TasksPage /> },
      { path: 'signals', element: <SignalsPage /> },
      { path: 'support/tickets', element: <TicketsPage /> },
      { path: 'support/tickets/:id', element: <TicketPage /> },
      { path: 'support/sla-policies', element: <SlaPoliciesPage /> },
      { path: 'sales/leads', element: <LeadsPage /> },
      { path: 'sales/pipeline', element: <PipelinePage /> },
      { path: 'sales/orders', element: <OrdersPage /> },
      { path: 'marketing/campaigns', element: <CampaignsPage /> },
    ],
  },
]);

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
