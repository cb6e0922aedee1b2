import type { AuditLogQueryVariables } from '@/__generated__/graphql/graphql';

export interface AuditFilters {
  tableName: string;
  action: '' | 'insert' | 'update' | 'delete';
  actorEmail: string;
  /** yyyy-mm-dd, inclusive, in the browser's time zone. */
  from: string;
  to: string;
}

export const NO_FILTERS: AuditFilters = { tableName: '', action: '', actorEmail: '', from: '', to: '' };

/** The audit_log_bool_exp for the filters a person set (empty ones do not filter). */
export function auditWhere(filters: AuditFilters): AuditLogQueryVariables['where'] {
  const where: AuditLogQueryVariables['where'] = {};
  if (filters.tableName.trim() !== '') where.table_name = { _eq: filters.tableName.trim() };
  if (filters.action !== '') where.action = { _eq: filters.action };
  if (filters.actorEmail.trim() !== '') where.actor = { email: { _ilike: `%${filters.actorEmail.trim()}%` } };
  const occurred: NonNullable<AuditLogQueryVariables['where']['occurred_at']> = {};
  if (filters.from !== '') occurred._gte = new Date(`${filters.from}T00:00:00`).toISOString();
  if (filters.to !== '') occurred._lt = new Date(new Date(`${filters.to}T00:00:00`).getTime() + 86_400_000).toISOString();
  if (Object.keys(occurred).length > 0) where.occurred_at = occurred;
  return where;
}
