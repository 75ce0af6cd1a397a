import { dailyEn } from '../../daily/i18n';

export const en = {
  app: { name: 'Kreis', skip: 'Skip to content', mainNav: 'Main navigation' },
  nav: {
    home: 'Home', customers: 'Customers', mergeSuggestions: 'Merge suggestions', kpis: 'KPIs',
    journeys: 'Journeys', scorecards: 'Scorecards', feedback: 'Feedback',
    surveys: 'Surveys', tasks: 'Tasks', signals: 'Signals', support: 'Support', salesLeads: 'Leads', salesPipeline: 'Pipeline', marketing: 'Campaigns',
  },
  shell: {
    language: 'Language', signOut: 'Sign out', signedInAs: 'Signed in as {{name}}',
    commandMenu: 'Command menu', commandHint: 'Search (Ctrl+K)', commandPlaceholder: 'Jump to a page or customer…',
    pages: 'Pages', customers: 'Customers', noResults: 'Nothing found.',
  },
  state: { loading: 'Loading…', error: 'Something went wrong: {{message}}', retry: 'Try again', forbidden: 'You may not see this.' },
  login: {
    title: 'Sign in to Kreis', username: 'User name', password: 'Password', submit: 'Sign in',
    failed: 'User name or password is wrong, or the account is locked.', busy: 'Signing in…',
  },
  home: {
    openTasks: 'My open tasks', noTasks: 'No open tasks for your departments.', atRisk: 'Customers at risk (recent detractors)',
    noAtRisk: 'No recent detractors in the newest NPS surveys.', npsAnswer: 'NPS {{score}}',
    priorities: { low: 'low', normal: 'normal', high: 'high', urgent: 'urgent' },
    title: 'Home', welcome: 'Welcome, {{name}}', sharedKpis: 'Shared KPIs', openSuggestions: 'Open merge suggestions',
    noKpis: 'No shared KPIs yet.', noSuggestions: 'No open merge suggestions.', viewAll: 'View all',
  },
  customers: {
    title: 'Customers', search: 'Search by name, e-mail, phone or external id', searchButton: 'Search',
    name: 'Name', email: 'E-mail', phone: 'Phone', kind: 'Kind', created: 'Created', empty: 'No customers match.',
    anyKind: 'any', person: 'Person', organisation: 'Organisation', source: 'Source', loadMore: 'Load more', count: '{{count}} shown', unnamed: '(no name)',
  },
  customer: {
    attributes: 'Golden attributes', provenance: 'Provenance', source: 'Source', profile: 'Profile', observed: 'Observed',
    noAttributes: 'No attributes.', identifiers: 'Identifiers', profiles: 'Profiles', holds: 'Holds', noHolds: 'No holds.',
    history: 'Identity history', noHistory: 'No merges or splits yet.', merge: 'Merge a customer into this one…',
    mergeTitle: 'Merge customers', mergeTarget: 'Id of the customer to merge into this one', preview: 'Preview',
    previewText: 'These profiles will move into {{name}}:', confirmMerge: 'Merge', cancel: 'Cancel',
    split: 'Split off', undo: 'Undo', splitTitle: 'Split off a profile', splitText: 'The profile {{source}} / {{externalId}} becomes a customer of its own, with its touchpoints.',
    undoTitle: 'Undo this merge', undoText: 'The {{count}} profile(s) this merge brought in leave again; the merged customer returns under its old id.',
    confirm: 'Confirm', merged: 'merged', splitEvent: 'split', by: 'by {{actor}}', notFound: 'No customer has this id.',
    created: 'Customer since {{date}}', kind: 'Kind',
  },
  timeline: {
    title: 'Timeline', channel: 'Channel', module: 'Module', type: 'Type', phase: 'Phase', from: 'From', to: 'To',
    any: 'any', apply: 'Apply', reset: 'Reset', empty: 'No touchpoints match.', loadMore: 'Older touchpoints',
    occurred: 'Occurred', score: 'Score', amount: 'Amount',
  },
  kpis: {
    title: 'KPIs', empty: 'No KPIs defined.', value: 'Value', target: 'Target', status: 'Status', definition: 'Definition',
    owners: 'Owners', shared: 'shared', series: 'Series', interval: 'Interval', day: 'Day', week: 'Week', month: 'Month',
    chart: 'Chart', table: 'Table', period: 'Period', sample: 'Sample size', noValue: 'no value yet', back: 'All KPIs',
    statuses: { 'on-track': 'on track', 'at-risk': 'at risk', 'off-track': 'off track' },
  },
  suggestions: {
    title: 'Merge suggestions', empty: 'No open merge suggestions.', score: 'Similarity', reasons: 'Why they matched',
    merge: 'Merge', dismiss: 'Not the same', select: 'Select', bulk: 'Decide for the selected',
    mergeSelected: 'Merge selected ({{count}})', dismissSelected: 'Dismiss selected ({{count}})',
  },
  journeys: {
    title: 'Journeys', funnel: 'Funnel', customers: 'Customers', conversion: 'To the next phase', empty: 'No customers in the period.',
    negativePeaks: 'Negative peaks', noPeaks: 'No negative peaks in the period.', share: 'Share',
    negativeSummary: '{{peaks}} negative peaks among {{customers}} customers ({{share}}).',
  },
  scorecards: {
    title: 'Scorecards', pyramid: 'CX pyramid', alignment: 'Cross-department alignment', level: 'Level', score: 'Score (0–100)',
    target: 'Target', evidence: 'Evidence', noData: 'No pyramid for this period.', allMet: 'Every level with data meets its target.',
    lowestMissed: 'lowest missed level', lowestMissedIs: 'Lowest missed level: {{level}}. {{name}}',
    sample_one: '{{count}} in the sample', sample_other: '{{count}} in the sample',
    status: { met: 'meets target', missed: 'below target', noData: 'no data' },
    levels: { communication: 'Communication', accountability: 'Accountability', engagement: 'Engagement', proactivity: 'Proactivity', enhancement: 'Enhancement' },
    components: {
      delivered: 'Delivered touchpoints', engaged: 'Engaged touchpoints', resolved: 'Resolved issues', resolved_within_sla: 'Resolved within SLA',
      csat: 'CSAT', ces_share_easy: 'Easy CES answers', proactive_share: 'Proactive share', nrr: 'Net revenue retention', nps_promoter_share: 'NPS promoter share',
    },
    sharedKpis: 'Shared KPIs', customersAcrossModules: 'Customers across modules', connectedSources: 'Connected sources',
    acrossModules: '{{some}} of {{all}} ({{share}})', owners: 'Owners', noSharedKpis: 'No KPI is shared by two or more departments.',
    noSources: 'No source sent touchpoints in this period.', touchpoints: 'Touchpoints', lastTouchpoint: 'Last touchpoint',
  },
  feedback: {
    title: 'Feedback', surveys: 'Surveys', noSurveys: 'No surveys yet.', name: 'Name', kind: 'Kind', invitations: 'Invitations',
    responses: 'Answers', back: 'All surveys', answered: '{{responses}} of {{invitations}} invitations answered',
    kinds: { nps: 'NPS', csat: 'CSAT', ces: 'CES' },
    measures: { nps: 'Net Promoter Score', csat: 'CSAT (top-two-box)', ces: 'Customer effort (mean)' },
    answerCount_one: '{{count}} answer', answerCount_other: '{{count}} answers',
    distribution: 'Distribution', trend: 'Trend', score: 'Score', answers: 'Answers', noAnswers: 'No answers yet.',
    answeredAt: 'Answered', comment: 'Comment', noComment: 'no comment', customer: 'Customer', openCustomer: 'Customer {{id}}',
  },
  daily: dailyEn,
} as const;
