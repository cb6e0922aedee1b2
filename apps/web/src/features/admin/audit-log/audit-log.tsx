'use client';

import { useState, type FormEvent } from 'react';
import { DataTable } from '@/components/data-table';
import { DateTime } from '@/components/date-time';
import { useQuery } from '@/features/graphql/hooks';
import { auditWhere, NO_FILTERS, type AuditFilters } from './audit-filters';
import { AuditLogQuery } from './documents';

const PAGE_SIZE = 50;
const TABLES = ['orgs', 'org_memberships', 'invitations', 'teams', 'team_members', 'settings', 'feature_flags', 'tags', 'comments', 'files', 'webhook_subscriptions', 'email_templates'];

export function AuditLog() {
  const [filters, setFilters] = useState<AuditFilters>(NO_FILTERS);
  const [page, setPage] = useState(0);
  const { data, error, fetching } = useQuery(AuditLogQuery, { where: auditWhere(filters), limit: PAGE_SIZE, offset: page * PAGE_SIZE });

  function apply(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPage(0);
    setFilters({
      tableName: String(form.get('tableName') ?? ''),
      action: String(form.get('action') ?? '') as AuditFilters['action'],
      actorEmail: String(form.get('actorEmail') ?? ''),
      from: String(form.get('from') ?? ''),
      to: String(form.get('to') ?? ''),
    });
  }

  const rows = data?.audit_log ?? [];
  return (
    <>
      <h1>Audit log</h1>
      <form onSubmit={apply} className="card" aria-label="Filter the audit log">
        <div className="form-row">
          <div className="field">
            <label htmlFor="audit-table">Table</label>
            <input id="audit-table" name="tableName" list="audit-tables" defaultValue={filters.tableName} />
            <datalist id="audit-tables">
              {TABLES.map((table) => (
                <option key={table} value={table} />
              ))}
            </datalist>
          </div>
          <div className="field">
            <label htmlFor="audit-action">Change</label>
            <select id="audit-action" name="action" defaultValue={filters.action}>
              <option value="">any</option>
              <option value="insert">insert</option>
              <option value="update">update</option>
              <option value="delete">delete</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="audit-actor">Actor email</label>
            <input id="audit-actor" name="actorEmail" defaultValue={filters.actorEmail} />
          </div>
          <div className="field">
            <label htmlFor="audit-from">From</label>
            <input id="audit-from" name="from" type="date" defaultValue={filters.from} />
          </div>
          <div className="field">
            <label htmlFor="audit-to">To</label>
            <input id="audit-to" name="to" type="date" defaultValue={filters.to} />
          </div>
          <button type="submit">Apply filters</button>
        </div>
      </form>
      <DataTable
        query={{ fetching, error }}
        rows={data?.audit_log}
        rowKey={(entry) => entry.id}
        empty="No entries match."
        columns={[
          { header: 'When', rowHeader: true, cell: (entry) => <DateTime value={entry.occurred_at} /> },
          { header: 'Actor', cell: (entry) => (entry.actor ? `${entry.actor.display_name} (${entry.actor.email})` : 'system') },
          { header: 'Change', cell: (entry) => entry.action },
          { header: 'Table', cell: (entry) => entry.table_name },
          {
            header: 'Details',
            cell: (entry) => (
              <details>
                <summary>
                  Row <span className="mono">{entry.row_id}</span>
                </summary>
                <pre className="text-body mono">{JSON.stringify(entry.changes, null, 2)}</pre>
                {entry.request_id ? <p className="muted">Request {entry.request_id}</p> : null}
              </details>
            ),
          },
        ]}
      />
      <nav aria-label="Audit log pages" className="form-row">
        <button type="button" className="secondary" disabled={page === 0 || fetching} onClick={() => setPage((value) => value - 1)}>
          Newer
        </button>
        <span>Page {page + 1}</span>
        <button type="button" className="secondary" disabled={rows.length < PAGE_SIZE || fetching} onClick={() => setPage((value) => value + 1)}>
          Older
        </button>
      </nav>
    </>
  );
}
