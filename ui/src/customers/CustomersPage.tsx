import { type FormEvent, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ColumnDef } from '@tanstack/react-table';
import { formatDate } from '../shared/format';
import { usePageTitle } from '../shared/usePageTitle';
import { Empty, Failed, Loading } from '../shared/ui/States';
import { VirtualTable } from '../shared/ui/VirtualTable';
import { type CustomerSummary, useCustomers } from './useCustomers';

/** Search and a virtualized list of customers; the search lives in the address (?q=). */
export default function CustomersPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('customers.title'));
  const [search, setSearch] = useSearchParams();
  const q = search.get('q') ?? '';
  const kind = search.get('kind') ?? '';
  const source = search.get('source') ?? '';
  const customers = useCustomers({ q, kind, source });
  const rows = useMemo(() => customers.data?.pages.flatMap((page) => page.items) ?? [], [customers.data]);
  const columns = useMemo<ColumnDef<CustomerSummary, unknown>[]>(
    () => [
      {
        header: t('customers.name'),
        accessorKey: 'displayName',
        cell: ({ row }) => <Link to={`/customers/${row.original.id}`}>{row.original.displayName ?? t('customers.unnamed')}</Link>,
      },
      { header: t('customers.email'), accessorKey: 'email' },
      { header: t('customers.phone'), accessorKey: 'phone' },
      { header: t('customers.kind'), accessorKey: 'kind' },
      { header: t('customers.created'), accessorKey: 'createdAt', cell: ({ getValue }) => formatDate(getValue() as string, i18n.language) },
    ],
    [t, i18n.language],
  );

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = new URLSearchParams(search);
    const form = new FormData(event.currentTarget);
    for (const name of ['q', 'kind', 'source']) {
      const value = String(form.get(name) ?? '').trim();
      if (value) next.set(name, value);
      else next.delete(name);
    }
    setSearch(next);
  };

  return (
    <section>
      <h1>{t('customers.title')}</h1>
      <form className="toolbar" role="search" onSubmit={submit}>
        <label htmlFor="customer-search">{t('customers.search')}</label>
        <input id="customer-search" name="q" type="search" defaultValue={q} key={`q-${q}`} size={40} />
        <label htmlFor="customer-kind">{t('customers.kind')}</label>
        <select id="customer-kind" name="kind" defaultValue={kind} key={`kind-${kind}`}>
          <option value="">{t('customers.anyKind')}</option>
          <option value="person">{t('customers.person')}</option>
          <option value="organisation">{t('customers.organisation')}</option>
        </select>
        <label htmlFor="customer-source">{t('customers.source')}</label>
        <input id="customer-source" name="source" defaultValue={source} key={`source-${source}`} size={12} />
        <button type="submit">{t('customers.searchButton')}</button>
      </form>
      {customers.isPending ? (
        <Loading />
      ) : customers.isError ? (
        <Failed error={customers.error} retry={() => void customers.refetch()} />
      ) : rows.length === 0 ? (
        <Empty>{t('customers.empty')}</Empty>
      ) : (
        <>
          <p className="muted" aria-live="polite">
            {t('customers.count', { count: rows.length })}
          </p>
          <VirtualTable
            label={t('customers.title')}
            data={rows}
            columns={columns}
            onNearEnd={() => {
              if (customers.hasNextPage && !customers.isFetchingNextPage) void customers.fetchNextPage();
            }}
          />
        </>
      )}
    </section>
  );
}
