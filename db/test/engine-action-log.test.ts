import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { actAs, errorOf, inRollback } from './support/database.ts';

// engine.action_log (migration 0033): an asynchronous action's row belongs to the user who started it.

const insert = `insert into engine.action_log (action_name, input, session_variables, request_query)
                values ('buildReport', '{}', '{}', 'mutation { buildReport }') returning id, user_id`;

describe('engine.action_log', () => {
  it('stamps the session user and shows the row to that user only', async () => {
    await inRollback(async (tx) => {
      const owner = randomUUID();
      await actAs(tx, 'workgrid_engine', { userId: owner });
      const [row] = await tx.unsafe(insert);
      expect(row!.user_id).toBe(owner);
      expect(await tx`select id from engine.action_log where id = ${row!.id}`).toHaveLength(1);
      const updated = await tx`update engine.action_log set status = 'completed' where id = ${row!.id}`;
      expect(updated.count).toBe(1);

      await actAs(tx, 'workgrid_engine', { userId: randomUUID() });
      expect(await tx`select id from engine.action_log where id = ${row!.id}`).toHaveLength(0);
      expect((await tx`update engine.action_log set status = 'error' where id = ${row!.id}`).count).toBe(0);
      await actAs(tx, 'workgrid_engine');
      expect(await tx`select id from engine.action_log where id = ${row!.id}`).toHaveLength(0);
    });
  });

  it('lets nobody write the user or org of a row', async () => {
    await inRollback(async (tx) => {
      await actAs(tx, 'workgrid_engine', { userId: randomUUID() });
      const error = await errorOf(tx, (sp) => sp`insert into engine.action_log (action_name, input, session_variables, request_query, user_id) values ('x', '{}', '{}', '', ${randomUUID()})`);
      expect(error.code).toBe('42501');
    });
  });
});
