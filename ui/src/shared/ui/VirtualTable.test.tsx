import { render, screen } from '@testing-library/react';
import type { ColumnDef } from '@tanstack/react-table';
import { VirtualTable } from './VirtualTable';

type Row = { id: number; name: string };
const columns: ColumnDef<Row, unknown>[] = [{ header: 'Name', accessorKey: 'name' }];

describe('VirtualTable', () => {
  // jsdom lays nothing out: the list's scroll area is given the height of a screen.
  beforeEach(() => {
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(800);
  });
  afterEach(() => vi.restoreAllMocks());

  it('renders only a window of a 10,000-row list', () => {
    const rows = Array.from({ length: 10_000 }, (_, id) => ({ id, name: `customer ${id}` }));
    render(<VirtualTable label="Customers" data={rows} columns={columns} />);
    const rendered = screen.getAllByRole('row').length;
    expect(rendered).toBeGreaterThan(1);
    expect(rendered).toBeLessThanOrEqual(100);
    expect(screen.getByRole('table')).toHaveAttribute('aria-rowcount', '10001');
  });
  it('asks for the next page when the end of the loaded rows is in view', async () => {
    const onNearEnd = vi.fn();
    render(<VirtualTable label="Customers" data={[{ id: 1, name: 'Erika' }]} columns={columns} onNearEnd={onNearEnd} />);
    await Promise.resolve();
    expect(onNearEnd).toHaveBeenCalled();
  });
});
