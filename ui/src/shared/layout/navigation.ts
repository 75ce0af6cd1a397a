/** The pages of the main navigation and the permission each needs (from /api/v1/me). */
export const NAVIGATION = [
  { path: '/', label: 'nav.home', permission: undefined },
  { path: '/customers', label: 'nav.customers', permission: 'customer-record:read' },
  { path: '/merge-suggestions', label: 'nav.mergeSuggestions', permission: 'identity-resolution:read' },
  { path: '/kpis', label: 'nav.kpis', permission: 'kpis:read' },
  { path: '/journeys', label: 'nav.journeys', permission: 'kpis:read' },
  { path: '/scorecards', label: 'nav.scorecards', permission: 'kpis:read' },
  { path: '/feedback', label: 'nav.feedback', permission: 'feedback:read' },
  { path: '/admin', label: 'admin.title', permission: 'audit:read' },
] as const;
