import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../shared/api/client';
import { can, useMe } from '../shared/auth';
import { formatDateTime } from '../shared/format';
import { usePageTitle } from '../shared/usePageTitle';
import { Empty, Failed, Loading } from '../shared/ui/States';
import { AdminTabs, CopyButton, ReadOnlyNote } from './AdminTabs';
import { type Connection, type ConnectionMapping, problemLines, useConnectionMapping, useConnections, useDeadLetters, useRuns } from './api';

const CREDENTIALS: Record<string, string[]> = {
  hubspot: ['accessToken'],
  salesforce: ['clientId', 'clientSecret', 'refreshToken'],
};

/** /admin/connections: CRM connections; create, test, mapping and conflict settings, runs, dead letters, the webhook address. */
export default function ConnectionsPage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.connections.title'));
  const me = useMe();
  const writable = can(me.data, 'connections:write');
  const connections = useConnections();
  const [search] = useSearchParams();
  const selected = search.get('id');
  const lang = search.get('lang');
  const chosen = connections.data?.items.find((c) => c.id === selected);
  return (
    <article>
      <AdminTabs />
      <h1>{t('admin.connections.title')}</h1>
      <ReadOnlyNote writable={writable} />
      {writable && <CreateConnection />}
      {connections.isPending ? (
        <Loading />
      ) : connections.isError ? (
        <Failed error={connections.error} retry={() => void connections.refetch()} />
      ) : connections.data.items.length === 0 ? (
        <Empty>{t('admin.connections.empty')}</Empty>
      ) : (
        <table aria-label={t('admin.connections.title')}>
          <thead>
            <tr>
              <th scope="col">{t('admin.common.name')}</th>
              <th scope="col">{t('admin.connections.connector')}</th>
              <th scope="col">{t('admin.connections.source')}</th>
              <th scope="col">{t('admin.connections.baseUrl')}</th>
            </tr>
          </thead>
          <tbody>
            {connections.data.items.map((c) => (
              <tr key={c.id} aria-current={c.id === selected ? 'true' : undefined}>
                <th scope="row"><Link to={`?id=${c.id}${lang ? `&lang=${lang}` : ''}`}>{c.name}</Link></th>
                <td>{c.connector}</td>
                <td>{c.source}</td>
                <td>{c.baseUrl}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {chosen && <ConnectionDetail key={chosen.id} connection={chosen} writable={writable} maySync={can(me.data, 'sync:write')} />}
    </article>
  );
}

function CreateConnection() {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const [, setSearch] = useSearchParams();
  const [connector, setConnector] = useState('hubspot');
  const [name, setName] = useState('');
  const [baseUrl, setBaseUrl] = useState('');
  const [credentials, setCredentials] = useState<Record<string, string>>({});
  const create = useMutation({
    mutationFn: () => api<Connection>('/api/v1/connections', {
      method: 'POST',
      body: JSON.stringify({
        connector, name, baseUrl: baseUrl || undefined,
        credentials: Object.fromEntries(Object.entries(credentials).filter(([k, v]) => v && CREDENTIALS[connector].includes(k))),
      }),
    }),
    onSuccess: (created) => {
      setCredentials({});
      void queries.invalidateQueries({ queryKey: ['admin', 'connections'] });
      setSearch({ id: created.id });
    },
  });
  return (
    <section aria-labelledby="create-connection">
      <h2 id="create-connection">{t('admin.connections.create')}</h2>
      <form className="admin-form" onSubmit={(e) => { e.preventDefault(); create.mutate(); }}>
        <label>
          {t('admin.connections.connector')}
          <select value={connector} onChange={(e) => setConnector(e.target.value)}>
            <option value="hubspot">HubSpot</option>
            <option value="salesforce">Salesforce</option>
          </select>
        </label>
        <label>
          {t('admin.common.name')}
          <input value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          {t('admin.connections.baseUrl')}
          <input type="url" value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} />
        </label>
        {CREDENTIALS[connector].map((key) => (
          <label key={key}>
            {key}
            <input type="password" autoComplete="off" value={credentials[key] ?? ''} onChange={(e) => setCredentials({ ...credentials, [key]: e.target.value })} />
          </label>
        ))}
        <button type="submit" disabled={create.isPending}>{t('admin.common.create')}</button>
      </form>
      {create.isError && <ul className="errors" role="alert">{problemLines(create.error).map((l) => <li key={l}>{l}</li>)}</ul>}
    </section>
  );
}

function ConnectionDetail({ connection, writable, maySync }: { connection: Connection; writable: boolean; maySync: boolean }) {
  const { t, i18n } = useTranslation();
  const queries = useQueryClient();
  const runs = useRuns(connection.id);
  const deadLetters = useDeadLetters(connection.id);
  const webhook = `${window.location.origin}/api/v1/connections/${connection.id}/webhook`;
  const test = useMutation({ mutationFn: () => api<{ objects: { object: string; readable: boolean; writable: boolean; problem?: string | null }[] }>(`/api/v1/connections/${connection.id}/test`, { method: 'POST', body: '{}' }) });
  const sync = useMutation({
    mutationFn: () => api(`/api/v1/connections/${connection.id}/sync`, { method: 'POST', body: '{}' }),
    onSettled: () => void queries.invalidateQueries({ queryKey: ['admin', 'runs', connection.id] }),
  });
  const running = runs.data?.items.some((run) => run.status === 'running') ?? false;
  // a finished run may have dead-lettered records: read them again when the last run ends
  useEffect(() => {
    if (!running) void queries.invalidateQueries({ queryKey: ['admin', 'dead-letters', connection.id] });
  }, [running, queries, connection.id]);
  const retry = useMutation({
    mutationFn: (id: string) => api(`/api/v1/connections/${connection.id}/dead-letters/${id}/retry`, { method: 'POST', body: '{}' }),
    onSettled: () => {
      void queries.invalidateQueries({ queryKey: ['admin', 'dead-letters', connection.id] });
      void queries.invalidateQueries({ queryKey: ['admin', 'runs', connection.id] });
    },
  });
  return (
    <section aria-labelledby="connection-title" className="card" data-testid="connection-detail">
      <h2 id="connection-title">{connection.name}</h2>
      <div className="field">
        <label htmlFor="webhook">{t('admin.connections.webhook')}</label>
        <div className="admin-form">
          <input id="webhook" readOnly value={webhook} size={60} />
          <CopyButton text={webhook} label={`${t('admin.common.copy')}: ${t('admin.connections.webhook')}`} />
        </div>
      </div>
      {writable && (
        <p className="admin-form">
          <button type="button" disabled={test.isPending} onClick={() => test.mutate()}>{t('admin.connections.test')}</button>
          {maySync && <button type="button" disabled={sync.isPending} onClick={() => sync.mutate()}>{t('admin.connections.sync')}</button>}
        </p>
      )}
      {test.isSuccess && (
        <ul data-testid="connection-test">
          {test.data.objects.map((o) => <li key={o.object}>{o.object}: {o.readable ? 'read ✓' : 'read ✗'} {o.writable ? 'write ✓' : 'write ✗'} {o.problem ?? ''}</li>)}
        </ul>
      )}
      {(test.isError || sync.isError) && <p className="errors" role="alert">{problemLines(test.error ?? sync.error).join('; ')}</p>}
      {sync.isSuccess && running && <p role="status">{t('admin.connections.running')}</p>}
      <MappingEditor connection={connection} writable={writable} />
      <h3>{t('admin.connections.runs')}</h3>
      {runs.isPending ? <Loading /> : runs.isError ? <Failed error={runs.error} retry={() => void runs.refetch()} /> : runs.data.items.length === 0 ? (
        <Empty>{t('admin.connections.noRuns')}</Empty>
      ) : (
        <table aria-label={t('admin.connections.runs')}>
          <thead>
            <tr>
              <th scope="col">{t('admin.connections.started')}</th>
              <th scope="col">{t('admin.common.status')}</th>
              <th scope="col">{t('admin.connections.trigger')}</th>
              <th scope="col">{t('admin.connections.counts')}</th>
              <th scope="col">{t('admin.connections.error')}</th>
            </tr>
          </thead>
          <tbody>
            {runs.data.items.map((run) => (
              <tr key={run.id} data-testid="run" data-status={run.status}>
                <td>{formatDateTime(run.startedAt, i18n.language)}</td>
                <td>{run.status}</td>
                <td>{run.trigger}</td>
                <td>{Object.entries(run.counts ?? {}).filter(([, n]) => n).map(([k, n]) => `${k} ${n}`).join(', ')}</td>
                <td>{run.lastError ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t('admin.connections.deadLetters')}</h3>
      {deadLetters.isPending ? <Loading /> : deadLetters.isError ? <Failed error={deadLetters.error} retry={() => void deadLetters.refetch()} /> : deadLetters.data.items.length === 0 ? (
        <Empty>{t('admin.connections.noDeadLetters')}</Empty>
      ) : (
        <table aria-label={t('admin.connections.deadLetters')}>
          <thead>
            <tr>
              <th scope="col">{t('admin.connections.object')}</th>
              <th scope="col">{t('admin.connections.record')}</th>
              <th scope="col">{t('admin.connections.error')}</th>
              <th scope="col">{t('admin.connections.attempts')}</th>
              {writable && <th scope="col">{t('admin.common.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {deadLetters.data.items.map((dl) => (
              <tr key={dl.id} data-testid="dead-letter">
                <td>{dl.direction} {dl.object}</td>
                <td>{dl.recordId}</td>
                <td>{dl.errorKind}: {dl.error}</td>
                <td>{dl.attempts}</td>
                {writable && (
                  <td>
                    <button type="button" disabled={retry.isPending} aria-label={`${t('admin.connections.retry')} ${dl.object} ${dl.recordId}`} onClick={() => retry.mutate(dl.id)}>
                      {t('admin.connections.retry')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {retry.isError && <p className="errors" role="alert">{problemLines(retry.error).join('; ')}</p>}
      {retry.isSuccess && <p className="notice">{t('admin.connections.retried')}</p>}
    </section>
  );
}

export const POLICIES = ['last-writer-wins', 'crm-wins', 'kreis-wins'] as const;

/** One field's edit: the attribute ('' = the connector's default) and its own policy ('' = the connection's default). */
export interface FieldEdit { attribute: string; policy: string }

/** The edits a mapping starts from: what the connection overrides now. */
export function editsOf(mapping: ConnectionMapping): Record<string, FieldEdit> {
  const edits: Record<string, FieldEdit> = {};
  for (const object of mapping.objects) {
    for (const field of object.fields) {
      if (!field.overridden) continue;
      edits[`${object.object}.${field.field}`] = {
        attribute: field.attribute === field.defaultAttribute ? '' : field.attribute,
        policy: field.conflictPolicy === mapping.defaultConflictPolicy ? '' : field.conflictPolicy,
      };
    }
  }
  return edits;
}

/** The body of PUT .../mapping: only the fields that differ from the defaults. */
export function mappingRequest(defaultPolicy: string, edits: Record<string, FieldEdit>) {
  const fields = Object.entries(edits)
    .filter(([, edit]) => edit.attribute.trim() || edit.policy)
    .map(([key, edit]) => {
      const dot = key.indexOf('.');
      return { object: key.slice(0, dot), field: key.slice(dot + 1), attribute: edit.attribute.trim() || null, conflictPolicy: edit.policy || null };
    });
  return { defaultConflictPolicy: defaultPolicy, fields };
}

/** The connection's field mapping and conflict policies through GET|PUT /api/v1/connections/{id}/mapping; the object shown is in the address. */
function MappingEditor({ connection, writable }: { connection: Connection; writable: boolean }) {
  const { t } = useTranslation();
  const mapping = useConnectionMapping(connection.id);
  return (
    <section aria-labelledby="mapping-title">
      <h3 id="mapping-title">{t('admin.connections.mapping')}</h3>
      {mapping.isPending ? <Loading /> : mapping.isError ? <Failed error={mapping.error} retry={() => void mapping.refetch()} /> : (
        <MappingForm connection={connection} mapping={mapping.data} writable={writable} />
      )}
    </section>
  );
}

function MappingForm({ connection, mapping, writable }: { connection: Connection; mapping: ConnectionMapping; writable: boolean }) {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const [search, setSearch] = useSearchParams();
  const [defaultPolicy, setDefaultPolicy] = useState<string>(mapping.defaultConflictPolicy);
  const [edits, setEdits] = useState<Record<string, FieldEdit>>(() => editsOf(mapping));
  const objectName = search.get('object') ?? mapping.objects[0]?.object ?? '';
  const object = mapping.objects.find((o) => o.object === objectName) ?? mapping.objects[0];
  const save = useMutation({
    mutationFn: () => api<ConnectionMapping>(`/api/v1/connections/${connection.id}/mapping`, {
      method: 'PUT', body: JSON.stringify(mappingRequest(defaultPolicy, edits)),
    }),
    onSuccess: (saved) => {
      setDefaultPolicy(saved.defaultConflictPolicy);
      setEdits(editsOf(saved));
      queries.setQueryData(['admin', 'mapping', connection.id], saved);
    },
  });
  const changed = defaultPolicy !== mapping.defaultConflictPolicy || JSON.stringify(mappingRequest(defaultPolicy, edits))
    !== JSON.stringify(mappingRequest(defaultPolicy, editsOf(mapping)));
  const policyLabel = (policy: string) => t(`admin.connections.policies.${policy}`, { defaultValue: policy });
  const edit = (key: string, change: Partial<FieldEdit>) => setEdits({ ...edits, [key]: { ...(edits[key] ?? { attribute: '', policy: '' }), ...change } });
  return (
    <form className="mapping" onSubmit={(e) => { e.preventDefault(); save.mutate(); }} data-testid="mapping">
      <div className="admin-form">
        <label>
          {t('admin.connections.defaultPolicy')}
          <select value={defaultPolicy} disabled={!writable} onChange={(e) => setDefaultPolicy(e.target.value)}>
            {POLICIES.map((p) => <option key={p} value={p}>{policyLabel(p)}</option>)}
          </select>
        </label>
        <label>
          {t('admin.connections.object')}
          <select value={object?.object ?? ''} onChange={(e) => {
            const next = new URLSearchParams(search);
            next.set('object', e.target.value);
            setSearch(next, { replace: true });
          }}>
            {mapping.objects.map((o) => <option key={o.object} value={o.object}>{o.object} → {t(`admin.connections.becomes.${o.becomes}`, { defaultValue: o.becomes })}</option>)}
          </select>
        </label>
      </div>
      {!object ? <Empty>{t('admin.connections.noObjects')}</Empty> : (
        <table aria-label={`${t('admin.connections.mapping')}: ${object.object}`}>
          <thead>
            <tr>
              <th scope="col">{t('admin.connections.crmField')}</th>
              <th scope="col">{t('admin.connections.attribute')}</th>
              <th scope="col">{t('admin.connections.identifier')}</th>
              <th scope="col">{t('admin.connections.writesBack')}</th>
              <th scope="col">{t('admin.connections.policy')}</th>
            </tr>
          </thead>
          <tbody>
            {object.fields.map((field) => {
              const key = `${object.object}.${field.field}`;
              const current = edits[key] ?? { attribute: '', policy: '' };
              return (
                <tr key={key} data-field={field.field}>
                  <th scope="row">{field.field}</th>
                  <td>
                    <input aria-label={t('admin.connections.attributeOf', { field: field.field })} value={current.attribute} maxLength={100}
                      placeholder={field.defaultAttribute} disabled={!writable} onChange={(e) => edit(key, { attribute: e.target.value })} />
                  </td>
                  <td>{field.identifier ?? '—'}</td>
                  <td>{field.writable ? t('admin.connections.yes') : t('admin.connections.no')}</td>
                  <td>
                    <select aria-label={t('admin.connections.policyOf', { field: field.field })} value={current.policy} disabled={!writable}
                      onChange={(e) => edit(key, { policy: e.target.value })}>
                      <option value="">{t('admin.connections.inherit', { policy: policyLabel(defaultPolicy) })}</option>
                      {POLICIES.map((p) => <option key={p} value={p}>{policyLabel(p)}</option>)}
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {writable && (
        <p className="admin-form">
          <button type="submit" disabled={save.isPending || !changed}>{t('admin.connections.saveMapping')}</button>
          {changed && <span className="muted">{t('admin.connections.unsaved')}</span>}
          {save.isSuccess && !changed && <span className="notice" role="status">{t('admin.common.saved')}</span>}
        </p>
      )}
      {save.isError && <ul className="errors" role="alert">{problemLines(save.error).map((l) => <li key={l}>{l}</li>)}</ul>}
    </form>
  );
}
