import { describe, expect, it } from 'vitest';
import { multiplexedStatement } from '../src/multiplexed-statement.ts';

// How a group's variable sets become one statement: per-row parameters travel in the JSON rows,
// parameters every row shares (the session's values) are bound once.
const BY_PK = `select t.title from tasks t where t.org_id = ((_v.p->>0)::text)::uuid and t.id = ((_v.p->>1)::text)::uuid`;
const BY_NAME = `select t.title from tasks t where t.org_id = ((_v.p->>0)::text)::uuid and t.title = ((_v.p->>1)::text)::text`;
const ORG = 'org-1';

describe('multiplexed statements', () => {
  it('bind a parameter shared by every row once and send the others per row', () => {
    const { text, params } = multiplexedStatement([
      { text: BY_PK, params: [ORG, 'task-1'] },
      { text: BY_PK, params: [ORG, 'task-2'] },
    ]);
    expect(text).toBe(`select _v.id, (select t.title from tasks t where t.org_id = (($2::text)::text)::uuid and t.id = ((_v.p->>1)::text)::uuid)::text as j from json_to_recordset(($1::text)::json) as _v(id int, s int, p json) where _v.s = 0`);
    expect(params.slice(1)).toEqual([ORG]);
    expect(JSON.parse(params[0]!)).toEqual([{ id: 0, s: 0, p: [null, 'task-1'] }, { id: 1, s: 0, p: [null, 'task-2'] }]);
  });

  it('keep the same text for every batch of a group, whatever the rows', () => {
    const batch = (ids: string[]) => multiplexedStatement(ids.map((id) => ({ text: BY_PK, params: [ORG, id] })));
    expect(batch(['a', 'b', 'c']).text).toBe(batch(['d', 'e']).text);
  });

  it('keep a parameter per row once one row differs, and number bound parameters across shapes', () => {
    const { text, params } = multiplexedStatement([
      { text: BY_PK, params: [ORG, 'task-1'] },
      { text: BY_NAME, params: [ORG, 'same'] },
      { text: BY_PK, params: ['org-2', 'task-1'] },
      { text: BY_NAME, params: [ORG, 'same'] },
    ]);
    const [byPk, byName] = text.split(' union all ');
    expect(byPk).toContain('t.org_id = ((_v.p->>0)::text)::uuid and t.id = (($2::text)::text)::uuid');
    expect(byName).toContain('t.org_id = (($3::text)::text)::uuid and t.title = (($4::text)::text)::text');
    expect(byName).toContain('where _v.s = 1');
    expect(params.slice(1)).toEqual(['task-1', ORG, 'same']);
    expect(JSON.parse(params[0]!)).toEqual([
      { id: 0, s: 0, p: [ORG, null] },
      { id: 2, s: 0, p: ['org-2', null] },
      { id: 1, s: 1, p: [null, null] },
      { id: 3, s: 1, p: [null, null] },
    ]);
  });
});
