/** One changed field of an audit entry: its JSON path, the value before and after (JSON text; undefined when absent). */
export interface FieldChange {
  path: string;
  before?: string;
  after?: string;
}

function flatten(value: unknown, path: string, into: Map<string, string>) {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0 && path) into.set(path, '{}');
    for (const [key, inner] of entries) flatten(inner, path ? `${path}.${key}` : key, into);
  } else if (value !== undefined) {
    into.set(path || '(value)', JSON.stringify(value));
  }
}

/** The fields that differ between before and after, in path order; unchanged fields are left out. */
export function diff(before: unknown, after: unknown): FieldChange[] {
  const a = new Map<string, string>();
  const b = new Map<string, string>();
  if (before !== null && before !== undefined) flatten(before, '', a);
  if (after !== null && after !== undefined) flatten(after, '', b);
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort();
  return paths.filter((p) => a.get(p) !== b.get(p)).map((path) => ({ path, before: a.get(path), after: b.get(path) }));
}

/** Where the UI shows an audit entry's target, when it has a page. */
export function targetLink(type: string, id: string | null | undefined): string | null {
  if (!id) return null;
  switch (type) {
    case 'customer':
      return `/customers/${encodeURIComponent(id)}`;
    case 'module':
      return '/admin/modules';
    case 'user':
      return '/admin/users';
    case 'token':
      return '/admin/tokens';
    case 'connection':
      return `/admin/connections?id=${encodeURIComponent(id)}`;
    case 'kpi':
      return `/kpis/${encodeURIComponent(id)}`;
    case 'survey':
      return `/feedback/${encodeURIComponent(id)}`;
    default:
      return null;
  }
}
