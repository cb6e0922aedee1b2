import type { RowStatement } from './subscription-plan.ts';

/** A lateral-row parameter reference, as RowParams writes it. */
const ROW_PARAM = /\(_v\.p->>(\d+)\)/g;

/**
 * Hasura's multiplexing: one statement evaluates many variable sets, sent as one JSON array of
 * `{id, s, p}` rows (id = index in `statements`, which shape, its parameters); each shape is evaluated
 * laterally for its rows and answers `(id, j)`. A parameter equal in every row of a shape (in a group,
 * the session's values) is bound once instead: read from `_v.p`, it makes PostgreSQL re-run each
 * permission subquery for every row; bound, it runs them once per statement. The text stays the same
 * from one refetch to the next, so it is prepared once.
 */
export function multiplexedStatement(statements: RowStatement[]): { text: string; params: string[] } {
  const shapes = new Map<string, number[]>();
  statements.forEach((statement, id) => {
    const ids = shapes.get(statement.text) ?? [];
    ids.push(id);
    shapes.set(statement.text, ids);
  });
  const params = [''];
  const rows: { id: number; s: number; p: (string | null)[] }[] = [];
  const selects = [...shapes].map(([shape, ids], s) => {
    const first = statements[ids[0]!]!.params;
    const shared = first.map((value, n) => ids.every((id) => statements[id]!.params[n] === value));
    for (const id of ids) rows.push({ id, s, p: statements[id]!.params.map((value, n) => (shared[n] ? null : value)) });
    const text = shape.replace(ROW_PARAM, (reference, n: string) => (shared[Number(n)] ? `($${params.push(first[Number(n)]!)}::text)` : reference));
    return `select _v.id, (${text})::text as j from json_to_recordset(($1::text)::json) as _v(id int, s int, p json) where _v.s = ${s}`;
  });
  params[0] = JSON.stringify(rows);
  return { text: selects.join(' union all '), params };
}
