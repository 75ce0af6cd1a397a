import { useDeferredValue, useState } from 'react';
import { Command } from 'cmdk';
import * as Dialog from '@radix-ui/react-dialog';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, query } from '../api/client';
import type { Me } from '../auth';
import type { Schema } from '../api/types';
import { NAVIGATION } from './navigation';

type CustomerPage = Schema<'PageCustomerSummary'>;

/** Ctrl/Cmd+K: jump to any page or, by search, to a customer. */
export function CommandMenu({ open, onOpenChange, me }: { open: boolean; onOpenChange: (open: boolean) => void; me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const term = useDeferredValue(text.trim());
  const mayReadCustomers = me.permissions.includes('customer-record:read');
  const customers = useQuery({
    queryKey: ['command-customers', term],
    queryFn: () => api<CustomerPage>(`/api/v1/customers${query({ q: term, limit: 8 })}`),
    enabled: open && mayReadCustomers && term.length >= 2,
  });
  const go = (path: string) => {
    onOpenChange(false);
    setText('');
    navigate(path);
  };
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="overlay" />
        <Dialog.Content className="dialog command" aria-describedby={undefined}>
          <Dialog.Title className="visually-hidden">{t('shell.commandMenu')}</Dialog.Title>
          <Command label={t('shell.commandMenu')} shouldFilter={false}>
            <Command.Input value={text} onValueChange={setText} placeholder={t('shell.commandPlaceholder')} aria-label={t('shell.commandPlaceholder')} />
            <Command.List>
              <Command.Empty>{t('shell.noResults')}</Command.Empty>
              <Command.Group heading={t('shell.pages')}>
                {NAVIGATION.filter((item) => !item.permission || me.permissions.includes(item.permission))
                  .filter((item) => t(item.label).toLowerCase().includes(term.toLowerCase()))
                  .map((item) => (
                    <Command.Item key={item.path} value={item.path} onSelect={() => go(item.path)}>
                      {t(item.label)}
                    </Command.Item>
                  ))}
              </Command.Group>
              {customers.data && customers.data.items.length > 0 && (
                <Command.Group heading={t('shell.customers')}>
                  {customers.data.items.map((customer) => (
                    <Command.Item key={customer.id} value={customer.id} onSelect={() => go(`/customers/${customer.id}`)}>
                      {customer.displayName ?? customer.email ?? customer.id}
                    </Command.Item>
                  ))}
                </Command.Group>
              )}
            </Command.List>
          </Command>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
