import type { ReactNode } from 'react';
import type { ConsoleError } from '@/features/errors/console-error';
import { QueryStatus } from './query-status';

export interface Column<Row> {
  /** The column header; read by screen readers only when `hiddenHeader` (a column of buttons). */
  header: string;
  hiddenHeader?: boolean;
  /** The cell that names the row (`<th scope="row">`), read before each other cell of the row. */
  rowHeader?: boolean;
  cell: (row: Row) => ReactNode;
  cellClassName?: (row: Row) => string | undefined;
}

interface DataTableProps<Row> {
  /** The table's accessible name; `caption` shows it as a visually hidden caption instead of a label. */
  label?: string;
  caption?: string;
  columns: Column<Row>[];
  /** Undefined while nothing is loaded yet. */
  rows: readonly Row[] | undefined;
  rowKey: (row: Row) => string;
  /** Said instead of an empty table; without it an empty table is shown as such. */
  empty?: string;
  /** The loading state and failure of the query the rows come from. */
  query?: { fetching: boolean; error: ConsoleError | undefined };
}

/** Rows of a query as a table with column and row headers, its loading state and its empty state. */
export function DataTable<Row>({ label, caption, columns, rows, rowKey, empty, query }: DataTableProps<Row>) {
  const status = query ? <QueryStatus fetching={query.fetching} error={query.error} hasData={rows !== undefined} /> : null;
  if (rows === undefined) return status;
  if (rows.length === 0 && empty !== undefined) {
    return (
      <>
        {status}
        <p>{empty}</p>
      </>
    );
  }
  return (
    <>
      {status}
      <div className="table-wrap">
        <table aria-label={label}>
          {caption ? <caption className="visually-hidden">{caption}</caption> : null}
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column.header} scope="col">
                  {column.hiddenHeader ? <span className="visually-hidden">{column.header}</span> : column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((column) => {
                  const className = column.cellClassName?.(row);
                  return column.rowHeader ? (
                    <th key={column.header} scope="row" className={className}>
                      {column.cell(row)}
                    </th>
                  ) : (
                    <td key={column.header} className={className}>
                      {column.cell(row)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
