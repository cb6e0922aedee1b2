import { graphql } from '@/__generated__/graphql';

export const AuditLogQuery = graphql(`
  query AuditLog($where: audit_log_bool_exp!, $limit: Int!, $offset: Int!) {
    audit_log(where: $where, order_by: [{ occurred_at: desc }, { id: desc }], limit: $limit, offset: $offset) {
      id
      action
      table_name
      row_id
      changes
      request_id
      occurred_at
      actor {
        display_name
        email
      }
    }
  }
`);
