import type { adminEn } from './i18n';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const adminDe: Shape<typeof adminEn> = {
  title: 'Verwaltung', tabs: 'Verwaltungsseiten',
  nav: { modules: 'Module', users: 'Benutzer', tokens: 'API-Tokens', audit: 'Audit-Log', privacy: 'Datenschutz', settings: 'Einstellungen', connections: 'Verbindungen' },
  common: {
    save: 'Speichern', saved: 'Gespeichert.', cancel: 'Abbrechen', create: 'Anlegen', name: 'Name', roles: 'Rollen', status: 'Status', actions: 'Aktionen',
    copy: 'Kopieren', copied: 'Kopiert.', never: 'nie', readOnly: 'Sie dürfen diese Seite lesen, aber nicht ändern.', retry: 'Erneut versuchen', none: 'keine',
  },
  modules: {
    title: 'Module', core: 'Kernversion {{version}}', empty: 'Keine Module.', version: 'Version', installed: 'installiert {{version}}',
    compatible: 'kompatibel', incompatible: 'braucht Kern {{range}}', contributes: 'Bringt mit', department: 'Abteilung',
    states: { available: 'verfügbar', enabled: 'aktiv', disabled: 'deaktiviert' },
    kinds: { touchpointTypes: 'Touchpoint-Typen', kpis: 'Kennzahlen', permissions: 'Berechtigungen', attributes: 'Attribute' },
    install: 'Installieren', enable: 'Aktivieren', disable: 'Deaktivieren', uninstall: 'Deinstallieren…', upgrade: 'Auf {{version}} aktualisieren', configure: 'Konfigurieren',
    configTitle: 'Einstellungen von {{name}}', noSettings: 'Dieses Modul hat keine Einstellungen.', required: 'Pflicht', defaultValue: 'Standard {{value}}',
    uninstallTitle: '{{name}} deinstallieren', keep: 'Daten behalten (eine spätere Installation bringt sie zurück)', purge: 'Löschen: die Daten entfernen',
    previewTitle: 'Das Löschen entfernt:', previewTouchpoints: '{{count}} Touchpoints', previewHolds: '{{count}} Sperren an Kunden',
    previewContributions: 'Registrierungen: {{list}}', previewSettings: 'die gespeicherten Einstellungen',
    previewRecords: 'und die eigenen Datensätze des Moduls (Tickets, Deals, Kampagnen…).', confirmUninstall: 'Deinstallieren',
    upload: 'Deklaratives Modul hochladen', descriptor: 'Modulbeschreibung (JSON)', uploadButton: 'Prüfen und hochladen',
    invalidJson: 'Das ist kein JSON: {{message}}', uploadErrors: 'Die Beschreibung hat {{count}} Fehler:', uploaded: '{{id}} hochgeladen; unten installieren.',
  },
  users: {
    title: 'Benutzer', empty: 'Keine Benutzer.', username: 'Benutzername', password: 'Erstes Passwort', displayName: 'Anzeigename', email: 'E-Mail',
    enabled: 'aktiv', disabled: 'deaktiviert', lastLogin: 'Letzte Anmeldung', create: 'Benutzer anlegen', disable: 'Deaktivieren', enable: 'Aktivieren',
    editRoles: 'Rollen von {{name}}', created: 'Benutzer {{name}} angelegt.',
  },
  tokens: {
    title: 'API-Tokens', empty: 'Keine API-Tokens.', create: 'Token anlegen', expiresAt: 'Läuft ab', created: 'Angelegt', lastUsed: 'Zuletzt benutzt',
    revoke: 'Widerrufen', revokeTitle: '{{name}} widerrufen', revokeText: 'Jede Anfrage mit diesem Token wird ab jetzt abgewiesen.',
    secretTitle: 'Geheimnis jetzt kopieren', secretText: 'Das Geheimnis wird nur dieses eine Mal gezeigt. Legen Sie es im Passwortmanager oder in den CI-Secrets ab.',
    secretLabel: 'Geheimnis von {{name}}', done: 'Fertig', hint: 'endet auf', statuses: { active: 'aktiv', revoked: 'widerrufen', expired: 'abgelaufen' },
  },
  audit: {
    title: 'Audit-Log', empty: 'Keine passenden Einträge.', actor: 'Akteur', action: 'Aktion', targetType: 'Zieltyp', targetId: 'Ziel-Id',
    from: 'Von', to: 'Bis', apply: 'Filtern', reset: 'Zurücksetzen', when: 'Wann', target: 'Ziel', change: 'Änderung', more: 'Ältere Einträge',
    diffField: 'Feld', before: 'Vorher', after: 'Nachher', show: 'Änderung zeigen', hide: 'Änderung verbergen', noChange: 'Keine Werte aufgezeichnet.',
  },
  privacy: {
    title: 'Datenschutz', consents: 'Einwilligungen', noConsents: 'Keine Einwilligung erfasst.', purpose: 'Zweck', channel: 'Kanal', decided: 'Entschieden',
    source: 'Quelle', consentPurpose: 'Zweck der Einwilligung', consentChannel: 'Kontaktweg', consentStatus: 'Entscheidung', statuses: { granted: 'erteilt', withdrawn: 'widerrufen', unknown: 'unbekannt' }, edit: 'Entscheidung erfassen',
    reason: 'Grund (als Quelle der Entscheidung gespeichert)', record: 'Erfassen', export: 'Auskunft (Art. 15) herunterladen',
    erase: 'Diesen Kunden löschen…', eraseTitle: '{{name}} löschen', previewText: 'Die Löschung anonymisiert, unwiderruflich:',
    pProfiles: '{{count}} Profile', pIdentifiers: '{{count}} Identifikatoren', pAttributes: '{{count}} Attributwerte', pConsents: '{{count}} Einwilligungsentscheidungen',
    pTouchpoints: '{{count}} Touchpoints (Inhalte entfernt, Kennzahlen bleiben)', pSuppressed: '{{count}} Identifikatoren kommen auf die Sperrliste',
    pSources: 'Quellen: {{list}}', eraseReason: 'Grund für den Beleg', typeToConfirm: 'Zur Bestätigung LÖSCHEN eingeben', confirm: 'Löschen',
    receipt: 'Löschbeleg', receiptId: 'Beleg', erasedAt: 'Gelöscht am', by: 'Von',
    suppressionTitle: 'Sperrliste',
    suppressionText: 'Identifikatoren gelöschter Personen bleiben als Einweg-Schlüssel, damit die Person nicht über einen Import oder ein CRM zurückkommt: nur über ein Profil mit ausdrücklicher Einwilligung oder nachdem die Einträge hier aufgehoben wurden.',
    noSuppressions: 'Die Sperrliste ist leer.', suppressedCount: 'Identifikatoren', since: 'Seit', lift: 'Aufheben',
    liftTitle: 'Sperre aufheben', liftText: 'Die {{count}} Identifikatoren dieser Löschung werden aus Importen und CRMs wieder angenommen.', liftReason: 'Grund (wird protokolliert)',
    receiptLookup: 'Löschbeleg nachschlagen', lookup: 'Zeigen',
  },
  settings: {
    title: 'Einstellungen', kpiTargets: 'Kennzahl-Ziele und Verantwortliche', kpi: 'Kennzahl', target: 'Ziel', owners: 'Verantwortliche (Abteilungen, durch Komma getrennt)', shared: 'geteilt',
    pyramid: 'Ziele der CX-Pyramide (0–100)', level: 'Stufe {{level}}', language: 'Sprache', languageText: 'Die Sprache der Oberfläche in diesem Browser.',
    survivorship: 'Survivorship-Regeln', attribute: 'Attribut', strategy: 'Strategie', sources: 'Quellen (Priorität, durch Komma getrennt)',
    defaultPolicy: 'Standard für alle anderen Attribute', addAttribute: 'Attribut hinzufügen', remove: 'Entfernen',
    strategies: { source_priority: 'Quellenpriorität', most_recent: 'neuester Wert', most_frequent: 'häufigster Wert', first_non_empty: 'erster Wert' },
  },
  connections: {
    title: 'Verbindungen', empty: 'Noch keine CRM-Verbindungen.', connector: 'CRM', baseUrl: 'Basis-URL', source: 'Quellname', token: 'Zugriffstoken',
    create: 'Verbindung anlegen', test: 'Testen', testOk: 'Erreichbar: {{list}}', sync: 'Jetzt synchronisieren', runs: 'Läufe', noRuns: 'Noch keine Läufe.',
    started: 'Gestartet', trigger: 'Auslöser', counts: 'Zahlen', error: 'Fehler', deadLetters: 'Unzustellbare Datensätze', noDeadLetters: 'Keine unzustellbaren Datensätze.',
    retry: 'Erneut versuchen', object: 'Objekt', record: 'Datensatz', attempts: 'Versuche', webhook: 'Webhook-Adresse (im CRM eintragen)',
    mapping: 'Feldzuordnung und Konfliktregel', mappingReadOnly: 'Einstellungen dieser Verbindung (hier nur lesbar):', open: 'Öffnen',
  },
};
