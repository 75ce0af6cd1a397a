import { describe, expect, it } from 'vitest';
import { editsOf, mappingRequest } from './ConnectionsPage';
import { changedKeys } from '../privacy/PrivacySection';
import type { ConnectionMapping } from './api';

const mapping = {
  defaultConflictPolicy: 'last-writer-wins',
  objects: [{
    object: 'contacts', becomes: 'person', fields: [
      { field: 'email', attribute: 'email', defaultAttribute: 'email', identifier: 'email', writable: false, conflictPolicy: 'last-writer-wins', overridden: false },
      { field: 'jobtitle', attribute: 'role', defaultAttribute: 'jobTitle', identifier: null, writable: true, conflictPolicy: 'last-writer-wins', overridden: true },
      { field: 'firstname', attribute: 'firstName', defaultAttribute: 'firstName', identifier: null, writable: true, conflictPolicy: 'crm-wins', overridden: true },
    ],
  }],
} as ConnectionMapping;

describe('the mapping editor', () => {
  it('starts from what the connection overrides: another attribute or its own policy', () => {
    expect(editsOf(mapping)).toEqual({
      'contacts.jobtitle': { attribute: 'role', policy: '' },
      'contacts.firstname': { attribute: '', policy: 'crm-wins' },
    });
  });

  it('sends only the fields that differ from the defaults, split into object and field', () => {
    const edits = { ...editsOf(mapping), 'contacts.email': { attribute: '  ', policy: '' }, 'contacts.hs.custom': { attribute: 'x', policy: 'kreis-wins' } };
    expect(mappingRequest('kreis-wins', edits)).toEqual({
      defaultConflictPolicy: 'kreis-wins',
      fields: [
        { object: 'contacts', field: 'jobtitle', attribute: 'role', conflictPolicy: null },
        { object: 'contacts', field: 'firstname', attribute: null, conflictPolicy: 'crm-wins' },
        { object: 'contacts', field: 'hs.custom', attribute: 'x', conflictPolicy: 'kreis-wins' },
      ],
    });
  });
});

describe('the consent history', () => {
  it('names the purpose and channel pairs an audit entry changed, not the ones it left alone', () => {
    const kept = { purpose: 'analytics', channel: 'any', status: 'granted', decidedAt: '2025-01-01T00:00:00Z' };
    const before = [kept, { purpose: 'marketing', channel: 'email', status: 'granted', decidedAt: '2025-01-01T00:00:00Z' }];
    const after = [kept, { purpose: 'marketing', channel: 'email', status: 'withdrawn', decidedAt: '2025-02-01T00:00:00Z', reason: 'asked' },
      { purpose: 'marketing', channel: 'sms', status: 'granted', decidedAt: '2025-02-01T00:00:00Z' }];
    expect(changedKeys({ before, after })).toEqual(['marketing/email', 'marketing/sms']);
    expect(changedKeys({ before: null, after: [kept] })).toEqual(['analytics/any']);
  });
});
