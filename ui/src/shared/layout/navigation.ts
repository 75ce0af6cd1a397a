/** The pages of the main navigation and the permission each needs (from /api/v1/me). */
export const NAVIGATION = [
  { path: '/', label: 'nav.home', permission: undefined },
  { path: '/customers', label: 'nav.customers', permission: 'customer-record:read' },
  { path: '/merge-suggestions', label: 'nav.mergeSuggestions', permission: 'identity-resolution:read' },
  { path: '/kpis', label: 'nav.kpis', permission: 'kpis:read' },
  { path: '/journeys', label: 'nav.journeys', permission: 'kpis:read' },
  { path: '/scorecards', label: 'nav.scorecards', permission: 'kpis:read' },
  { path: '/feedback', label: 'nav.feedback', permission: 'feedback:read' },
  { path: '/surveys', label: 'nav.surveys', permission: 'feedback:read' },
  { path: '/tasks', label: 'nav.tasks', permission: 'tasks:read' },
  { path: '/signals', label: 'nav.signals', permission: 'signals:read' },
  { path: '/support/tickets', label: 'nav.support', permission: 'support:read' },
  { path: '/sales/leads', label: 'nav.salesLeads', permission: 'sales:read' },
  { path: '/sales/pipeline', label: 'nav.salesPipeline', permission: 'sales:read' },
  { path: '/marketing/campaigns', label: 'nav.marketing', permission: 'marketing:read' },
  { path: '/admin', label: 'admin.title', permission: 'audit:read' },
] as const;
