import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import * as Dialog from '@radix-ui/react-dialog';
import { api } from '../shared/api/client';
import { can, useMe } from '../shared/auth';
import { usePageTitle } from '../shared/usePageTitle';
import { formatNumber } from '../shared/format';
import { ConfirmDialog } from '../shared/ui/ConfirmDialog';
import { Empty, Failed, Loading } from '../shared/ui/States';
import { AdminTabs, ReadOnlyNote } from './AdminTabs';
import { type Module, type Setting, problemLines, useModules, usePurgePreview } from './api';

/** /admin/modules: the catalogue, the lifecycle, the settings form, uninstall with a purge preview, and uploads. */
export default function ModulesPage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.modules.title'));
  const me = useMe();
  const modules = useModules();
  const writable = can(me.data, 'modules:write');
  const [search, setSearch] = useSearchParams();
  const configuring = search.get('configure');
  const uninstalling = search.get('uninstall');
  const open = (key: string, id: string | null) => {
    const next = new URLSearchParams(search);
    if (id) next.set(key, id);
    else next.delete(key);
    setSearch(next, { replace: true });
  };
  const find = (id: string | null) => modules.data?.items.find((m) => m.id === id);
  return (
    <article>
      <AdminTabs />
      <h1>{t('admin.modules.title')}</h1>
      <ReadOnlyNote writable={writable} />
      {modules.isPending ? (
        <Loading />
      ) : modules.isError ? (
        <Failed error={modules.error} retry={() => void modules.refetch()} />
      ) : (
        <>
          <p className="muted">{t('admin.modules.core', { version: modules.data.coreVersion })}</p>
          {modules.data.items.length === 0 ? (
            <Empty>{t('admin.modules.empty')}</Empty>
          ) : (
            <ul className="grid plain" aria-label={t('admin.modules.title')}>
              {modules.data.items.map((module) => (
                <ModuleCard key={module.id} module={module} writable={writable} onConfigure={() => open('configure', module.id)}
                  onUninstall={() => open('uninstall', module.id)} />
              ))}
            </ul>
          )}
          {find(configuring) && <ConfigDialog module={find(configuring)!} onClose={() => open('configure', null)} />}
          {find(uninstalling) && <UninstallDialog module={find(uninstalling)!} onClose={() => open('uninstall', null)} />}
        </>
      )}
      {writable && <UploadForm />}
    </article>
  );
}

function useLifecycle(module: Module) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: ({ action }: { action: 'install' | 'enable' | 'disable' }) =>
      api<Module>(`/api/v1/modules/${encodeURIComponent(module.id)}/${action}`, { method: 'POST', body: '{}' }),
    onSettled: () => queries.invalidateQueries({ queryKey: ['admin', 'modules'] }),
  });
}

function ModuleCard({ module, writable, onConfigure, onUninstall }: { module: Module; writable: boolean; onConfigure: () => void; onUninstall: () => void }) {
  const { t } = useTranslation();
  const lifecycle = useLifecycle(module);
  const kinds: [string, number][] = [
    ['touchpointTypes', module.touchpointTypes?.length ?? 0],
    ['kpis', module.kpis?.length ?? 0],
    ['permissions', module.permissions?.length ?? 0],
    ['attributes', module.attributes?.length ?? 0],
  ];
  const headingId = `module-${module.id}`;
  return (
    <li className="card module-card" aria-labelledby={headingId} data-testid={`module-${module.id}`}>
      <header>
        <h2 id={headingId}>{module.name}</h2>
        <span className={`state-${module.state}`}>{t(`admin.modules.states.${module.state}`, { defaultValue: module.state })}</span>
      </header>
      <p className="muted">
        {module.id} · {t('admin.modules.version')} {module.version}
        {module.installedVersion && module.installedVersion !== module.version ? ` · ${t('admin.modules.installed', { version: module.installedVersion })}` : ''}
        {' · '}
        {module.compatible ? t('admin.modules.compatible') : t('admin.modules.incompatible', { range: module.coreVersions })}
        {module.department ? ` · ${t('admin.modules.department')}: ${module.department}` : ''}
      </p>
      {module.description && <p>{module.description}</p>}
      <p>
        {t('admin.modules.contributes')}: {kinds.map(([kind, count]) => `${count} ${t(`admin.modules.kinds.${kind}`)}`).join(', ')}
      </p>
      {module.touchpointTypes?.length > 0 && (
        <ul className="chips" aria-label={t('admin.modules.kinds.touchpointTypes')}>
          {module.touchpointTypes.map((type) => (
            <li key={type.key} className="chip">{type.key}</li>
          ))}
        </ul>
      )}
      {writable && (
        <div className="actions">
          {module.state === 'available' && (
            <button type="button" className="primary" disabled={lifecycle.isPending || !module.compatible} onClick={() => lifecycle.mutate({ action: 'install' })}>
              {t('admin.modules.install')}
            </button>
          )}
          {module.upgradeAvailable && module.state !== 'available' && (
            <button type="button" className="primary" disabled={lifecycle.isPending} onClick={() => lifecycle.mutate({ action: 'install' })}>
              {t('admin.modules.upgrade', { version: module.version })}
            </button>
          )}
          {module.state === 'disabled' && (
            <button type="button" disabled={lifecycle.isPending} onClick={() => lifecycle.mutate({ action: 'enable' })}>
              {t('admin.modules.enable')}
            </button>
          )}
          {module.state === 'enabled' && (
            <button type="button" disabled={lifecycle.isPending} onClick={() => lifecycle.mutate({ action: 'disable' })}>
              {t('admin.modules.disable')}
            </button>
          )}
          {module.configSchema?.length > 0 && (
            <button type="button" onClick={onConfigure}>
              {t('admin.modules.configure')}
            </button>
          )}
          {module.state !== 'available' && (
            <button type="button" className="danger" onClick={onUninstall}>
              {t('admin.modules.uninstall')}
            </button>
          )}
        </div>
      )}
      {lifecycle.isError && (
        <ul className="errors" role="alert">
          {problemLines(lifecycle.error).map((line) => <li key={line}>{line}</li>)}
        </ul>
      )}
    </li>
  );
}

/** A value the schema refuses, said before the server is asked; null when it is fine. */
export function checkSetting(setting: Setting, value: string): string | null {
  const type = (setting.type ?? '').toLowerCase();
  if (value === '') return setting.required && !setting.defaultValue ? 'is required' : null;
  if (type === 'integer' && !/^-?\d+$/.test(value)) return 'must be a whole number';
  if (type === 'decimal' && Number.isNaN(Number(value))) return 'must be a number';
  if ((type === 'integer' || type === 'decimal') && setting.min !== undefined && setting.min !== null && Number(value) < setting.min) return `must be at least ${setting.min}`;
  if ((type === 'integer' || type === 'decimal') && setting.max !== undefined && setting.max !== null && Number(value) > setting.max) return `must be at most ${setting.max}`;
  return null;
}

function ConfigDialog({ module, onClose }: { module: Module; onClose: () => void }) {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const [values, setValues] = useState<Record<string, string>>(() => ({ ...(module.config ?? {}) }));
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) => api<Module>(`/api/v1/modules/${encodeURIComponent(module.id)}/config`, { method: 'PUT', body: JSON.stringify(body) }),
    onSuccess: () => {
      void queries.invalidateQueries({ queryKey: ['admin', 'modules'] });
      onClose();
    },
    onError: (error) => {
      const errors = (error as { problem?: { errors?: { field: string; message: string }[] } }).problem?.errors ?? [];
      setServerErrors(Object.fromEntries(errors.map((e) => [e.field, e.message])));
    },
  });
  const local = Object.fromEntries(module.configSchema.map((s) => [s.key, checkSetting(s, values[s.key] ?? '')]).filter(([, e]) => e));
  const submit = () => {
    const body: Record<string, unknown> = {};
    for (const setting of module.configSchema) {
      const raw = values[setting.key];
      if (raw === undefined || raw === '') continue;
      const type = setting.type.toLowerCase();
      body[setting.key] = type === 'integer' || type === 'decimal' ? Number(raw) : type === 'boolean' ? raw === 'true' : raw;
    }
    save.mutate(body);
  };
  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="overlay" />
        <Dialog.Content className="dialog" aria-describedby={undefined}>
          <Dialog.Title asChild>
            <h2>{t('admin.modules.configTitle', { name: module.name })}</h2>
          </Dialog.Title>
          <form onSubmit={(event) => { event.preventDefault(); submit(); }} noValidate>
            {module.configSchema.map((setting) => {
              const error = local[setting.key] ?? serverErrors[setting.key];
              const id = `setting-${setting.key}`;
              const type = setting.type.toLowerCase();
              return (
                <div className="field" key={setting.key}>
                  <label htmlFor={id}>
                    {setting.key}
                    {setting.required ? ` (${t('admin.modules.required')})` : ''}
                  </label>
                  {type === 'boolean' ? (
                    <select id={id} value={values[setting.key] ?? ''} onChange={(e) => setValues({ ...values, [setting.key]: e.target.value })}
                      aria-invalid={!!error} aria-describedby={`${id}-help`}>
                      <option value="">{t('admin.modules.defaultValue', { value: setting.defaultValue ?? '' })}</option>
                      <option value="true">true</option>
                      <option value="false">false</option>
                    </select>
                  ) : (
                    <input id={id} value={values[setting.key] ?? ''} inputMode={type === 'integer' || type === 'decimal' ? 'decimal' : undefined}
                      placeholder={setting.defaultValue || undefined} aria-invalid={!!error} aria-describedby={`${id}-help`}
                      onChange={(e) => setValues({ ...values, [setting.key]: e.target.value })} />
                  )}
                  <span id={`${id}-help`} className="muted">
                    {[setting.description, setting.defaultValue ? t('admin.modules.defaultValue', { value: setting.defaultValue }) : ''].filter(Boolean).join(' · ')}
                    {error && <span className="field-error" role="alert"> {setting.key} {error}</span>}
                  </span>
                </div>
              );
            })}
            {save.isError && Object.keys(serverErrors).length === 0 && (
              <p className="errors" role="alert">{problemLines(save.error).join('; ')}</p>
            )}
            <div className="actions">
              <Dialog.Close asChild>
                <button type="button">{t('admin.common.cancel')}</button>
              </Dialog.Close>
              <button type="submit" disabled={save.isPending || Object.keys(local).length > 0}>
                {t('admin.common.save')}
              </button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function UninstallDialog({ module, onClose }: { module: Module; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const queries = useQueryClient();
  const [data, setData] = useState<'keep' | 'purge'>('keep');
  const preview = usePurgePreview(module.id);
  const uninstall = useMutation({
    mutationFn: () => api<Module>(`/api/v1/modules/${encodeURIComponent(module.id)}?data=${data}`, { method: 'DELETE' }),
    onSuccess: () => {
      void queries.invalidateQueries({ queryKey: ['admin'] });
      onClose();
    },
  });
  const contributions = preview.data ? Object.entries(preview.data.contributions).map(([kind, keys]) => `${keys.length} ${kind}`).join(', ') : '';
  return (
    <ConfirmDialog open onOpenChange={(open) => !open && onClose()} title={t('admin.modules.uninstallTitle', { name: module.name })}
      confirmLabel={t('admin.modules.confirmUninstall')} onConfirm={() => uninstall.mutate()} busy={uninstall.isPending}
      confirmDisabled={data === 'purge' && !preview.data}>
      <fieldset className="field">
        <legend className="visually-hidden">{t('admin.modules.uninstallTitle', { name: module.name })}</legend>
        <label><input type="radio" name="data" checked={data === 'keep'} onChange={() => setData('keep')} /> {t('admin.modules.keep')}</label>
        <label><input type="radio" name="data" checked={data === 'purge'} onChange={() => setData('purge')} /> {t('admin.modules.purge')}</label>
      </fieldset>
      {data === 'purge' && (
        <div data-testid="purge-preview">
          {preview.isPending ? <Loading /> : preview.isError ? <Failed error={preview.error} retry={() => void preview.refetch()} /> : (
            <>
              <p>{t('admin.modules.previewTitle')}</p>
              <ul>
                <li data-testid="purge-touchpoints">{t('admin.modules.previewTouchpoints', { count: preview.data.touchpoints })}</li>
                <li>{t('admin.modules.previewHolds', { count: preview.data.holds })}</li>
                {contributions && <li>{t('admin.modules.previewContributions', { list: contributions })}</li>}
                {preview.data.settings && <li>{t('admin.modules.previewSettings')}</li>}
              </ul>
              {preview.data.records.length === 0 ? <p className="muted">{t('admin.modules.previewNoRecords')}</p> : (
                <>
                  <p>{t('admin.modules.previewRecords')}</p>
                  <ul data-testid="purge-records">
                    {preview.data.records.map((record) => (
                      <li key={record.kind} data-kind={record.kind}>
                        {formatNumber(record.count, i18n.language)} {t(`admin.modules.records.${record.kind}`, { defaultValue: record.kind })}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </>
          )}
        </div>
      )}
      {uninstall.isError && <p className="errors" role="alert">{problemLines(uninstall.error).join('; ')}</p>}
    </ConfirmDialog>
  );
}

/** Parses the descriptor and uploads it; every error the server names is listed at its JSON path. */
function UploadForm() {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const [text, setText] = useState('');
  const [parseError, setParseError] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: (body: unknown) => api<Module>('/api/v1/modules', { method: 'POST', body: JSON.stringify(body) }),
    onSuccess: () => void queries.invalidateQueries({ queryKey: ['admin', 'modules'] }),
  });
  const errors = upload.isError ? (upload.error as { problem?: { errors?: { field: string; message: string }[] } }).problem?.errors ?? [] : [];
  return (
    <section aria-labelledby="upload-title">
      <h2 id="upload-title">{t('admin.modules.upload')}</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          try {
            const body = JSON.parse(text);
            setParseError(null);
            upload.mutate(body);
          } catch (error) {
            setParseError((error as Error).message);
          }
        }}
      >
        <label className="field" htmlFor="descriptor">{t('admin.modules.descriptor')}</label>
        <textarea id="descriptor" rows={8} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} />
        <button type="submit" disabled={upload.isPending || text.trim() === ''}>{t('admin.modules.uploadButton')}</button>
      </form>
      {parseError && <p className="errors" role="alert">{t('admin.modules.invalidJson', { message: parseError })}</p>}
      {upload.isError && (
        <div className="errors" role="alert" data-testid="upload-errors">
          {errors.length > 0 ? (
            <>
              <p>{t('admin.modules.uploadErrors', { count: errors.length })}</p>
              <ul>
                {errors.map((e) => (
                  <li key={e.field + e.message}><code>{e.field}</code>: {e.message}</li>
                ))}
              </ul>
            </>
          ) : (
            <p>{problemLines(upload.error).join('; ')}</p>
          )}
        </div>
      )}
      {upload.isSuccess && <p className="notice" role="status">{t('admin.modules.uploaded', { id: upload.data.id })}</p>}
    </section>
  );
}
