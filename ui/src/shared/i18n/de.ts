import { adminDe } from '../../admin/i18n.de';
import type { en } from './en';
import { dailyDe } from '../../daily/i18n';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const de: Shape<typeof en> = {
  app: { name: 'Kreis', skip: 'Zum Inhalt springen', mainNav: 'Hauptnavigation' },
  nav: {
    home: 'Start', customers: 'Kunden', mergeSuggestions: 'Zusammenführungsvorschläge', kpis: 'Kennzahlen',
    journeys: 'Journeys', scorecards: 'Scorecards', feedback: 'Feedback',
    surveys: 'Umfragen', tasks: 'Aufgaben', signals: 'Signale', support: 'Support', salesLeads: 'Leads', salesPipeline: 'Pipeline', marketing: 'Kampagnen',
  },
  shell: {
    language: 'Sprache', signOut: 'Abmelden', signedInAs: 'Angemeldet als {{name}}',
    commandMenu: 'Befehlsmenü', commandHint: 'Suchen (Strg+K)', commandPlaceholder: 'Zu einer Seite oder einem Kunden springen…',
    pages: 'Seiten', customers: 'Kunden', noResults: 'Nichts gefunden.',
  },
  state: { loading: 'Wird geladen…', error: 'Etwas ist schiefgegangen: {{message}}', retry: 'Erneut versuchen', forbidden: 'Das dürfen Sie nicht sehen.' },
  login: {
    title: 'Bei Kreis anmelden', username: 'Benutzername', password: 'Passwort', submit: 'Anmelden',
    failed: 'Benutzername oder Passwort ist falsch, oder das Konto ist gesperrt.', busy: 'Anmeldung läuft…',
    keycloak: 'Mit Keycloak anmelden', keycloakHint: 'Kreis nutzt die Anmeldung Ihrer Organisation (Keycloak).',
  },
  home: {
    openTasks: 'Meine offenen Aufgaben', noTasks: 'Keine offenen Aufgaben für Ihre Abteilungen.', atRisk: 'Gefährdete Kunden (aktuelle Kritiker)',
    noAtRisk: 'Keine aktuellen Kritiker in den neuesten NPS-Umfragen.', npsAnswer: 'NPS {{score}}',
    priorities: { low: 'niedrig', normal: 'normal', high: 'hoch', urgent: 'dringend' },
    title: 'Start', welcome: 'Willkommen, {{name}}', sharedKpis: 'Gemeinsame Kennzahlen', openSuggestions: 'Offene Zusammenführungsvorschläge',
    noKpis: 'Noch keine gemeinsamen Kennzahlen.', noSuggestions: 'Keine offenen Zusammenführungsvorschläge.', viewAll: 'Alle anzeigen',
  },
  customers: {
    title: 'Kunden', search: 'Suche nach Name, E-Mail, Telefon oder externer ID', searchButton: 'Suchen',
    name: 'Name', email: 'E-Mail', phone: 'Telefon', kind: 'Art', created: 'Angelegt', empty: 'Keine passenden Kunden.',
    anyKind: 'alle', person: 'Person', organisation: 'Organisation', source: 'Quelle', loadMore: 'Mehr laden', count: '{{count}} angezeigt', unnamed: '(ohne Namen)',
  },
  customer: {
    attributes: 'Golden Record', provenance: 'Herkunft', source: 'Quelle', profile: 'Profil', observed: 'Beobachtet',
    noAttributes: 'Keine Attribute.', identifiers: 'Kennungen', profiles: 'Profile', holds: 'Sperren', noHolds: 'Keine Sperren.',
    history: 'Identitätsverlauf', noHistory: 'Noch keine Zusammenführungen oder Trennungen.', merge: 'Einen Kunden hierher zusammenführen…',
    mergeTitle: 'Kunden zusammenführen', mergeTarget: 'ID des Kunden, der hierher zusammengeführt wird', preview: 'Vorschau',
    previewText: 'Diese Profile wechseln zu {{name}}:', confirmMerge: 'Zusammenführen', cancel: 'Abbrechen',
    split: 'Abtrennen', undo: 'Rückgängig', splitTitle: 'Ein Profil abtrennen', splitText: 'Das Profil {{source}} / {{externalId}} wird ein eigener Kunde, mit seinen Touchpoints.',
    undoTitle: 'Diese Zusammenführung rückgängig machen', undoText: 'Die {{count}} Profil(e) dieser Zusammenführung gehen wieder; der zusammengeführte Kunde kehrt unter seiner alten ID zurück.',
    confirm: 'Bestätigen', merged: 'zusammengeführt', splitEvent: 'getrennt', by: 'von {{actor}}', notFound: 'Kein Kunde hat diese ID.',
    created: 'Kunde seit {{date}}', kind: 'Art',
  },
  timeline: {
    title: 'Zeitleiste', channel: 'Kanal', module: 'Modul', type: 'Typ', phase: 'Phase', from: 'Von', to: 'Bis',
    any: 'alle', apply: 'Anwenden', reset: 'Zurücksetzen', empty: 'Keine passenden Touchpoints.', loadMore: 'Ältere Touchpoints',
    occurred: 'Zeitpunkt', score: 'Wert', amount: 'Betrag',
  },
  kpis: {
    title: 'Kennzahlen', empty: 'Keine Kennzahlen definiert.', value: 'Wert', target: 'Ziel', status: 'Status', definition: 'Definition',
    owners: 'Verantwortlich', shared: 'gemeinsam', series: 'Verlauf', interval: 'Intervall', day: 'Tag', week: 'Woche', month: 'Monat',
    chart: 'Diagramm', table: 'Tabelle', period: 'Zeitraum', sample: 'Stichprobe', noValue: 'noch kein Wert', back: 'Alle Kennzahlen',
    statuses: { 'on-track': 'im Plan', 'at-risk': 'gefährdet', 'off-track': 'verfehlt' },
  },
  customer360: {
    journey: 'Customer Journey', noJourney: 'Noch keine Touchpoints, daher keine Journey.', since: 'seit {{date}}', timeInPhase: '{{duration}} in dieser Phase',
    touchpoints_one: '{{count}} Touchpoint', touchpoints_other: '{{count}} Touchpoints', notReached: 'nicht erreicht', current: 'aktuelle Phase',
    peak: 'Höhepunkt', end: 'Ende', peakEndScore: 'Peak-End-Wert {{score}}',
    phases: { awareness: 'Aufmerksamkeit', interest: 'Interesse', consideration: 'Abwägung', intent: 'Kaufabsicht', purchase: 'Kauf', retention: 'Bindung', advocacy: 'Empfehlung' },
    tasks: 'Offene Aufgaben', noTasks: 'Keine offenen Aufgaben zu diesem Kunden.',
    taskStatuses: { open: 'offen', in_progress: 'in Arbeit', done: 'erledigt', dismissed: 'verworfen' },
    suggestions: 'Mögliche Dubletten', noSuggestions: 'Keine offenen Zusammenführungsvorschläge zu diesem Kunden.',
    mergeNamed: '{{name}} in diesen Kunden zusammenführen', dismissNamed: '{{name}} ist nicht derselbe Kunde',
    mergeText: '{{name}} wandert mit allen Profilen in diesen Kunden. Rückgängig machen können Sie das in der Identitätshistorie.',
  },
  kpiView: {
    filters: 'Filter', from: 'Von', to: 'Bis', phase: 'Journey-Phase', module: 'Modul', segment: 'Segment', any: 'alle',
    segments: { 'kind:person': 'Personen', 'kind:organisation': 'Organisationen' }, reset: 'Filter zurücksetzen',
    previous: 'Vorperiode', change: 'Veränderung', previousValue: 'Vorperiode ({{from}} – {{to}}): {{value}}',
    noComparison: 'kein Wert in der Vorperiode', better: 'besser', worse: 'schlechter', same: 'unverändert',
    customers: 'Kunden hinter dieser Zahl', customer: 'Kunde',
    noCustomers: {
      answers: 'In diesem Zeitraum hat kein Kunde geantwortet.', revenue: 'Zu Beginn dieses Zeitraums hat kein Kunde bezahlt.',
      orders: 'In diesem Zeitraum hat kein Kunde bestellt.',
    },
    answers: 'Antworten', mean: 'Mittlere Bewertung', last: 'Letzte Antwort', loadMore: 'Weitere Kunden',
    startMrr: 'MRR zu Beginn', endMrr: 'MRR am Ende', outcome: 'Ergebnis',
    outcomes: { expanded: 'ausgebaut', contracted: 'verringert', churned: 'abgewandert', unchanged: 'unverändert' },
    orders: 'Bestellungen', orderRevenue: 'Bestellumsatz',
    customersHint: {
      answers: 'Schlechteste mittlere Bewertung zuerst, über denselben Zeitraum und dieselben Filter.',
      revenue: 'Die Kunden, die zu Beginn des Zeitraums bezahlt haben, größter Verlust an wiederkehrendem Umsatz zuerst.',
      orders: 'Die Kunden, die im Zeitraum bestellt haben, wenigste Bestellungen zuerst.',
    },
    notApplicable: 'mit diesen Filtern nicht verfügbar',
  },
  suggestions: {
    title: 'Zusammenführungsvorschläge', empty: 'Keine offenen Zusammenführungsvorschläge.', score: 'Ähnlichkeit', reasons: 'Warum sie passen',
    merge: 'Zusammenführen', dismiss: 'Nicht dieselben', select: 'Auswählen', bulk: 'Für die Ausgewählten entscheiden',
    mergeSelected: 'Ausgewählte zusammenführen ({{count}})', dismissSelected: 'Ausgewählte verwerfen ({{count}})',
  },
  journeys: {
    title: 'Journeys', funnel: 'Trichter', customers: 'Kunden', conversion: 'In die nächste Phase', empty: 'Keine Kunden im Zeitraum.',
    negativePeaks: 'Negative Spitzen', noPeaks: 'Keine negativen Spitzen im Zeitraum.', share: 'Anteil',
    negativeSummary: '{{peaks}} negative Spitzen bei {{customers}} Kunden ({{share}}).',
  },
  scorecards: {
    title: 'Scorecards', pyramid: 'CX-Pyramide', alignment: 'Abteilungsübergreifende Ausrichtung', level: 'Stufe', score: 'Wert (0–100)',
    target: 'Ziel', evidence: 'Belege', noData: 'Keine Pyramide für diesen Zeitraum.', allMet: 'Jede Stufe mit Daten erreicht ihr Ziel.',
    lowestMissed: 'niedrigste verfehlte Stufe', lowestMissedIs: 'Niedrigste verfehlte Stufe: {{level}}. {{name}}',
    sample_one: '{{count}} in der Stichprobe', sample_other: '{{count}} in der Stichprobe',
    status: { met: 'Ziel erreicht', missed: 'unter dem Ziel', noData: 'keine Daten' },
    levels: { communication: 'Kommunikation', accountability: 'Verantwortung', engagement: 'Engagement', proactivity: 'Proaktivität', enhancement: 'Bereicherung' },
    components: {
      delivered: 'Zugestellte Kontaktpunkte', engaged: 'Beachtete Kontaktpunkte', resolved: 'Gelöste Anliegen', resolved_within_sla: 'Innerhalb der SLA gelöst',
      csat: 'CSAT', ces_share_easy: 'Leichte CES-Antworten', proactive_share: 'Proaktiver Anteil', nrr: 'Net Revenue Retention', nps_promoter_share: 'NPS-Promotorenanteil',
    },
    sharedKpis: 'Geteilte KPIs', customersAcrossModules: 'Kunden über Module hinweg', connectedSources: 'Angebundene Quellen',
    acrossModules: '{{some}} von {{all}} ({{share}})', owners: 'Verantwortliche', noSharedKpis: 'Keine KPI wird von zwei oder mehr Abteilungen geteilt.',
    noSources: 'Keine Quelle hat in diesem Zeitraum Kontaktpunkte gesendet.', touchpoints: 'Kontaktpunkte', lastTouchpoint: 'Letzter Kontaktpunkt',
  },
  feedback: {
    title: 'Feedback', surveys: 'Umfragen', noSurveys: 'Noch keine Umfragen.', name: 'Name', kind: 'Art', invitations: 'Einladungen',
    responses: 'Antworten', back: 'Alle Umfragen', answered: '{{responses}} von {{invitations}} Einladungen beantwortet',
    kinds: { nps: 'NPS', csat: 'CSAT', ces: 'CES' },
    measures: { nps: 'Net Promoter Score', csat: 'CSAT (Top-2-Box)', ces: 'Kundenaufwand (Mittelwert)' },
    answerCount_one: '{{count}} Antwort', answerCount_other: '{{count}} Antworten',
    distribution: 'Verteilung', trend: 'Verlauf', score: 'Wert', answers: 'Antworten', noAnswers: 'Noch keine Antworten.',
    answeredAt: 'Beantwortet', comment: 'Kommentar', noComment: 'kein Kommentar', customer: 'Kunde', openCustomer: 'Kunde {{id}}',
  },
  admin: adminDe,
  daily: dailyDe,
};
