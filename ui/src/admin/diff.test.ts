import { describe, expect, it } from 'vitest';
import { diff, targetLink } from './diff';

describe('the audit diff', () => {
  it('lists only the fields that changed, with nested paths', () => {
    expect(diff({ state: 'enabled', config: { a: '1', b: '2' } }, { state: 'available', config: { a: '1' } })).toEqual([
      { path: 'config.b', before: '"2"', after: undefined },
      { path: 'state', before: '"enabled"', after: '"available"' },
    ]);
  });

  it('shows every field as added when nothing existed before', () => {
    expect(diff(null, { roles: ['admin'] })).toEqual([{ path: 'roles', before: undefined, after: '["admin"]' }]);
  });

  it('links customers to their 360 and unknown targets nowhere', () => {
    expect(targetLink('customer', 'abc')).toBe('/customers/abc');
    expect(targetLink('something', 'abc')).toBeNull();
  });
});
