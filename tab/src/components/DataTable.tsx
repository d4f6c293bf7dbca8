import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import type { ReactNode } from 'react';

/** One column of a table: its heading, and what each row shows under it. */
export interface Column<T> {
  readonly key: string;
  readonly header: ReactNode;
  readonly cell: (row: T) => ReactNode;
  readonly className?: (row: T) => string | undefined;
}

interface DataTableProps<T> {
  readonly label: string;
  readonly testId?: string;
  readonly columns: readonly Column<T>[];
  readonly rows: readonly T[];
  readonly rowKey: (row: T, index: number) => string;
}

/** The views' one table: a small Fluent table, a heading a column, a row an item. */
export function DataTable<T>({ label, testId, columns, rows, rowKey }: DataTableProps<T>) {
  return (
    <Table aria-label={label} size="small" data-testid={testId}>
      <TableHeader>
        <TableRow>
          {columns.map((column) => <TableHeaderCell key={column.key}>{column.header}</TableHeaderCell>)}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row, index) => (
          <TableRow key={rowKey(row, index)}>
            {columns.map((column) => <TableCell key={column.key} className={column.className?.(row)}>{column.cell(row)}</TableCell>)}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
