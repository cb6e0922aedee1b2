import { describe, expect, it } from 'vitest';
import { actAs, actAsSuperuser, inRollback, sql, type Tx } from './support/database.ts';
import { createOrg, sessionOf, type OrgFixture } from './support/fixtures.ts';

// SLA arithmetic, scheduling and the sweep (db/migrations/0062, 0063).

const WEEKDAYS_9_TO_17 = Object.fromEntries(['1', '2', '3', '4', '5'].map((day) => [day, [['09:00', '17:00']]]));
const ALWAYS = Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((day) => [day, [['00:00', '24:00']]]));

async function calendar(tx: Tx, org: OrgFixture, timeZone: string, hours: object, holidays: string[] = []): Promise<string> {
  await actAsSuperuser(tx, sessionOf(org, 'owner'));
  const [row] = await tx`
    insert into business_calendars (org_id, name, time_zone, working_hours, holidays, created_by)
    values (${org.orgId}, ${`${timeZone} hours`}, ${timeZone}, ${tx.json(hours as never)}, ${holidays}::date[], ${org.users.owner}) returning id`;
  return row!.id as string;
}

const addMinutes = async (tx: Tx, calendarId: string, start: string, minutes: number) =>
  ((await tx`select app.business_add_minutes(${calendarId}, ${start}::timestamptz, ${minutes}) as at`)[0]!.at as Date).toISOString();

const minutesBetween = async (tx: Tx, calendarId: string, from: string, to: string) =>
  Number((await tx`select app.business_minutes_between(${calendarId}, ${from}::timestamptz, ${to}::timestamptz) as m`)[0]!.m);

describe('business time arithmetic', () => {
  it('skips nights and weekends in the calendar\'s time zone', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      const paris = await calendar(tx, a, 'Europe/Paris', WEEKDAYS_9_TO_17);
      // Friday 2026-01-16 16:00 Paris (15:00Z) + 2 h of work → Monday 10:00 Paris (09:00Z).
      expect(await addMinutes(tx, paris, '2026-01-16T15:00:00Z', 120)).toBe('2026-01-19T09:00:00.000Z');
      // Starting before opening counts from opening; exactly a day's work ends at closing.
      expect(await addMinutes(tx, paris, '2026-01-19T05:00:00Z', 480)).toBe('2026-01-19T16:00:00.000Z');
      // Starting on Saturday counts from Monday morning.
      expect(await addMinutes(tx, paris, '2026-01-17T10:00:00Z', 30)).toBe('2026-01-19T08:30:00.000Z');
      expect(await minutesBetween(tx, paris, '2026-01-16T15:00:00Z', '2026-01-19T09:00:00Z')).toBe(120);
    });
  });

  it('skips holidays', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      const paris = await calendar(tx, a, 'Europe/Paris', WEEKDAYS_9_TO_17, ['2026-01-19', '2026-01-20']);
      expect(await addMinutes(tx, paris, '2026-01-16T15:00:00Z', 120)).toBe('2026-01-21T09:00:00.000Z');
      expect(await minutesBetween(tx, paris, '2026-01-16T15:00:00Z', '2026-01-21T09:00:00Z')).toBe(120);
    });
  });

  it('follows daylight saving changes: working hours stay local, round-the-clock time stays real', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      const paris = await calendar(tx, a, 'Europe/Paris', WEEKDAYS_9_TO_17);
      // Paris moves to summer time on Sunday 2026-03-29: Friday 16:00 CET (15:00Z) + 2 h → Monday 10:00 CEST (08:00Z).
      expect(await addMinutes(tx, paris, '2026-03-27T15:00:00Z', 120)).toBe('2026-03-30T08:00:00.000Z');
      // ... and back on Sunday 2026-10-25: Friday 16:00 CEST (14:00Z) + 2 h → Monday 10:00 CET (09:00Z).
      expect(await addMinutes(tx, paris, '2026-10-23T14:00:00Z', 120)).toBe('2026-10-26T09:00:00.000Z');

      const always = await calendar(tx, a, 'Europe/Paris', ALWAYS);
      // Round the clock, a day of work is 24 real hours, including the 23- and 25-hour days.
      expect(await addMinutes(tx, always, '2026-03-28T11:00:00Z', 1440)).toBe('2026-03-29T11:00:00.000Z');
      expect(await addMinutes(tx, always, '2026-10-24T10:00:00Z', 1440)).toBe('2026-10-25T10:00:00.000Z');
      expect(await minutesBetween(tx, always, '2026-03-28T23:00:00Z', '2026-03-29T23:00:00Z')).toBe(1440);
    });
  });

  it('uses each calendar\'s own time zone', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      const newYork = await calendar(tx, a, 'America/New_York', WEEKDAYS_9_TO_17);
      const tokyo = await calendar(tx, a, 'Asia/Tokyo', WEEKDAYS_9_TO_17);
      // The same instant, Friday 2026-03-06 21:00Z: 16:00 in New York (EST) and Saturday 06:00 in Tokyo.
      // New York moves to EDT on 2026-03-08: Monday 10:00 EDT is 14:00Z.
      expect(await addMinutes(tx, newYork, '2026-03-06T21:00:00Z', 120)).toBe('2026-03-09T14:00:00.000Z');
      // Tokyo: Monday 09:00 + 2 h = 11:00 JST (02:00Z).
      expect(await addMinutes(tx, tokyo, '2026-03-06T21:00:00Z', 120)).toBe('2026-03-09T02:00:00.000Z');
    });
  });

  it('refuses unknown time zones and malformed hours', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      await expect(calendar(tx, a, 'Mars/Olympus', WEEKDAYS_9_TO_17)).rejects.toThrow('calendar_time_zone_invalid');
    });
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      await expect(calendar(tx, a, 'UTC', { '8': [['09:00', '17:00']] })).rejects.toThrow('calendar_hours_invalid');
    });
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      await expect(calendar(tx, a, 'UTC', { '1': [['17:00', '09:00']] })).rejects.toThrow('calendar_hours_invalid');
    });
  });
});

/** A round-the-clock UTC policy: first response in 60 minutes, resolution in 600 (all priorities). */
async function policy(tx: Tx, org: OrgFixture, fields: Record<string, unknown> = {}): Promise<string> {
  const calendarId = await calendar(tx, org, 'UTC', ALWAYS);
  await actAsSuperuser(tx, sessionOf(org, 'owner'));
  await tx`delete from sla_policies where org_id = ${org.orgId}`;
  const row = { org_id: org.orgId, name: 'Standard', calendar_id: calendarId, first_response_minutes: 60, resolution_minutes: 600, created_by: org.users.owner, ...fields };
  return (await tx`insert into sla_policies ${tx(row)} returning id`)[0]!.id as string;
}

async function ticket(tx: Tx, org: OrgFixture, fields: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  await actAs(tx, 'workgrid_engine', sessionOf(org, 'agent'));
  const row = { org_id: org.orgId, subject: 'Server down', requester_id: org.users.requester, created_by: org.users.agent, ...fields };
  return (await tx`insert into tickets ${tx(row)} returning *`)[0]!;
}

const minutesAfter = (start: unknown, end: unknown) => ((end as Date).getTime() - (start as Date).getTime()) / 60_000;

describe('SLA scheduling', () => {
  it('sets due and warning times from the most specific policy', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      await policy(tx, a);
      await tx`insert into sla_policies (org_id, name, priority, first_response_minutes, resolution_minutes, warn_at_percent, created_by)
               values (${a.orgId}, 'Urgent', 'urgent', 15, 120, 50, ${a.users.owner})`;
      const normal = await ticket(tx, a);
      expect(minutesAfter(normal.sla_started_at, normal.first_response_due_at)).toBe(60);
      expect(minutesAfter(normal.sla_started_at, normal.first_response_warn_at)).toBe(48);
      expect(minutesAfter(normal.sla_started_at, normal.resolution_due_at)).toBe(600);

      const [raised] = await tx`update tickets set priority = 'urgent' where id = ${normal.id as string} returning *`;
      expect(minutesAfter(raised!.sla_started_at, raised!.first_response_due_at)).toBe(15);
      expect(minutesAfter(raised!.sla_started_at, raised!.first_response_warn_at)).toBe(7.5);
      expect(minutesAfter(raised!.sla_started_at, raised!.resolution_due_at)).toBe(120);
    });
  });

  it('stops the clock while pending or on hold and moves the due times by the paused time', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      await policy(tx, a);
      const created = await ticket(tx, a);
      const id = created.id as string;
      await tx`update tickets set status = 'open' where id = ${id}`;
      const [paused] = await tx`update tickets set status = 'pending' where id = ${id} returning sla_paused_at`;
      expect(paused!.sla_paused_at).toBeInstanceOf(Date);
      await tx`update tickets set status = 'on_hold' where id = ${id}`;
      // The ticket waited 45 minutes (the transaction's clock stands still, so move the pause back).
      await actAsSuperuser(tx);
      await tx`update tickets set sla_paused_at = sla_paused_at - interval '45 minutes' where id = ${id}`;
      await actAs(tx, 'workgrid_engine', sessionOf(a, 'agent'));
      const [resumed] = await tx`update tickets set status = 'open' where id = ${id} returning *`;
      expect(resumed!.sla_paused_at).toBeNull();
      expect(Number(resumed!.sla_paused_minutes)).toBe(45);
      expect(minutesAfter(created.first_response_due_at, resumed!.first_response_due_at)).toBe(45);
      expect(minutesAfter(created.resolution_due_at, resumed!.resolution_due_at)).toBe(45);
    });
  });

  it('recomputes due times when the policy\'s calendar changes its hours', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      const always = await calendar(tx, a, 'UTC', ALWAYS);
      await policy(tx, a, { calendar_id: always });
      const created = await ticket(tx, a);
      await actAsSuperuser(tx, sessionOf(a, 'owner'));
      // Closed on the ticket's start day (and every day): the first working minute is far away now.
      await tx`update business_calendars set working_hours = '{"1": [["09:00", "10:00"]]}' where id = ${always}`;
      const [after] = await tx`select first_response_due_at from tickets where id = ${created.id as string}`;
      expect(minutesAfter(created.first_response_due_at, after!.first_response_due_at)).toBeGreaterThan(0);
      const [{ weekday }] = (await tx`select extract(isodow from ${after!.first_response_due_at as Date} at time zone 'UTC')::int as weekday`) as unknown as [{ weekday: number }];
      expect(weekday).toBe(1);
    });
  });

  it('stops the first-response clock at the first public desk reply', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      await policy(tx, a);
      const created = await ticket(tx, a);
      await tx`insert into ticket_messages (org_id, ticket_id, author_id, body) values (${a.orgId}, ${created.id as string}, ${a.users.agent}, 'Hi')`;
      await backdate(tx, created.id as string, 2000);
      await actAs(tx, 'workgrid_app', { role: 'service', orgId: a.orgId });
      await tx`select * from app.sla_sweep()`;
      await actAsSuperuser(tx);
      const events = await tx`select target, kind from sla_events where ticket_id = ${created.id as string} order by target, kind`;
      expect(events.map((e) => `${e.target as string}/${e.kind as string}`)).toEqual(['resolution/breach', 'resolution/warning']);
    });
  });
});

/** Moves a ticket's clock start minutes into the past and reschedules it. */
async function backdate(tx: Tx, id: string, minutes: number): Promise<void> {
  await actAsSuperuser(tx);
  await tx`update tickets set sla_started_at = sla_started_at - make_interval(mins => ${minutes}) where id = ${id}`;
  await tx`
    update tickets t set first_response_due_at = s.first_response_due_at, first_response_warn_at = s.first_response_warn_at,
                         resolution_due_at = s.resolution_due_at, resolution_warn_at = s.resolution_warn_at
      from tickets o cross join lateral app.ticket_sla_schedule(o) s
     where t.id = o.id and t.id = ${id}`;
}

async function sweep(tx: Tx): Promise<{ warnings: number; breaches: number; escalations: number }> {
  await actAs(tx, 'workgrid_app', { role: 'service', orgId: '00000000-0000-0000-0000-000000000000' });
  const [counts] = await tx`select * from app.sla_sweep()`;
  await actAsSuperuser(tx);
  return counts as { warnings: number; breaches: number; escalations: number };
}

describe('SLA sweep', () => {
  it('records each warning and breach once per ticket and target, across tenants and reruns', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      const b = await createOrg(tx, 'Beta');
      await policy(tx, a);
      await policy(tx, b);
      const late = await ticket(tx, a);
      const warned = await ticket(tx, b);
      const fresh = await ticket(tx, a);
      const waiting = await ticket(tx, b);
      await backdate(tx, late.id as string, 700); // both targets breached
      await backdate(tx, warned.id as string, 50); // first response at 83 %
      await backdate(tx, waiting.id as string, 700);
      await actAsSuperuser(tx, sessionOf(b, 'owner'));
      await tx`update tickets set status = 'open' where id = ${waiting.id as string}`;
      await tx`update tickets set status = 'on_hold' where id = ${waiting.id as string}`;

      const first = await sweep(tx);
      expect(first).toMatchObject({ warnings: 3, breaches: 2 });
      expect(await sweep(tx)).toMatchObject({ warnings: 0, breaches: 0, escalations: 0 });

      const events = await tx`select ticket_id, target, kind from sla_events where org_id in (${a.orgId}, ${b.orgId}) order by ticket_id, target, kind`;
      const byTicket = (id: unknown) => events.filter((e) => e.ticket_id === id).map((e) => `${e.target as string}/${e.kind as string}`);
      expect(byTicket(late.id)).toEqual(['first_response/breach', 'first_response/warning', 'resolution/breach', 'resolution/warning']);
      expect(byTicket(warned.id)).toEqual(['first_response/warning']);
      expect(byTicket(fresh.id)).toEqual([]);
      expect(byTicket(waiting.id)).toEqual([]);
      const outbox = await tx`select topic, org_id from outbox_events where topic like 'sla.%' and org_id in (${a.orgId}, ${b.orgId}) order by topic`;
      expect(outbox.map((e) => e.topic)).toEqual(['sla.breached', 'sla.breached', 'sla.warning', 'sla.warning', 'sla.warning']);

      // The schedule points each ticket at its next unrecorded event, so later sweeps read none of them.
      const schedule = await tx`
        select t.id, s.next_event_at, t.first_response_due_at, t.first_response_warn_at, s.next_event_at <= now() as ripe
          from app_private.sla_schedule s join tickets t on t.id = s.ticket_id
         where t.id in (${late.id as string}, ${warned.id as string}, ${fresh.id as string}, ${waiting.id as string})`;
      const next = (id: unknown) => schedule.find((row) => row.id === id)!;
      expect(next(late.id).next_event_at).toBeNull();
      expect(next(waiting.id).next_event_at).toBeNull();
      expect(next(warned.id).next_event_at).toEqual(next(warned.id).first_response_due_at);
      expect(next(fresh.id).next_event_at).toEqual(next(fresh.id).first_response_warn_at);
      expect(schedule.filter((row) => row.ripe)).toEqual([]);

      // Worked again, the waiting ticket's clock runs and its overdue events are next.
      await actAsSuperuser(tx, sessionOf(b, 'owner'));
      await tx`update tickets set status = 'open' where id = ${waiting.id as string}`;
      await backdate(tx, waiting.id as string, 700);
      expect(await sweep(tx)).toMatchObject({ warnings: 2, breaches: 2 });
    });
  });

  it('applies escalation rules once: raise priority, reassign, notify managers', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      const policyId = await policy(tx, a);
      await actAsSuperuser(tx, sessionOf(a, 'owner'));
      const rule = (fields: Record<string, unknown>) => ({ org_id: a.orgId, policy_id: policyId, created_by: a.users.owner, kind: 'breach', ...fields });
      await tx`insert into sla_escalation_rules ${tx(rule({ target: 'first_response', action: 'raise_priority' }))}`;
      await tx`insert into sla_escalation_rules ${tx(rule({ target: 'first_response', action: 'notify_managers' }))}`;
      await tx`insert into sla_escalation_rules ${tx(rule({ target: 'resolution', action: 'reassign', reassign_team_id: a.teamId, reassign_user_id: a.users.manager }))}`;
      const late = await ticket(tx, a, { priority: 'low', assignee_id: a.users.agent });
      await backdate(tx, late.id as string, 30);
      await sweep(tx); // warnings only: nothing escalates
      await backdate(tx, late.id as string, 700);

      expect((await sweep(tx)).escalations).toBe(1);
      const [after] = await tx`select priority, team_id, assignee_id from tickets where id = ${late.id as string}`;
      expect(after).toEqual({ priority: 'normal', team_id: a.teamId, assignee_id: a.users.manager });
      expect((await sweep(tx)).escalations).toBe(0);
      const [breach] = await tx`select payload from outbox_events where idempotency_key = ${`sla.breach:${late.id as string}:first_response`}`;
      expect(breach!.payload).toMatchObject({ notify_managers: true, target: 'first_response' });
    });
  });

  it('notifies managers only for the events a rule names, and leaves a ticket the rules cannot escalate further untouched', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      const policyId = await policy(tx, a);
      await actAsSuperuser(tx, sessionOf(a, 'owner'));
      const rule = (action: string) => ({ org_id: a.orgId, policy_id: policyId, created_by: a.users.owner, target: 'first_response', kind: 'breach', action });
      await tx`insert into sla_escalation_rules ${tx(rule('raise_priority'))}`;
      await tx`insert into sla_escalation_rules ${tx(rule('notify_managers'))}`;
      const urgent = await ticket(tx, a, { priority: 'urgent' });
      const normal = await ticket(tx, a, { priority: 'normal' });
      await backdate(tx, urgent.id as string, 70);
      await backdate(tx, normal.id as string, 70);
      const audited = async (id: unknown) =>
        (await tx`select count(*)::int as n from audit_log where table_name = 'tickets' and row_id = ${id as string}`)[0]!.n as number;
      const [urgentAudit, normalAudit] = [await audited(urgent.id), await audited(normal.id)];
      const [before] = await tx`select version from tickets where id = ${urgent.id as string}`;

      expect(await sweep(tx)).toEqual({ warnings: 2, breaches: 2, escalations: 1 });
      const [after] = await tx`select version, priority from tickets where id = ${urgent.id as string}`;
      expect(after).toEqual({ version: before!.version, priority: 'urgent' });
      expect(await audited(urgent.id)).toBe(urgentAudit);
      expect(await audited(normal.id)).toBe(normalAudit + 1);
      const payloads = await tx`
        select payload->>'kind' as kind, (payload->>'notify_managers')::boolean as notify from outbox_events
         where topic like 'sla.%' and payload->>'ticket_id' in (${urgent.id as string}, ${normal.id as string}) order by kind`;
      expect(payloads).toEqual([
        { kind: 'breach', notify: true }, { kind: 'breach', notify: true },
        { kind: 'warning', notify: false }, { kind: 'warning', notify: false },
      ]);
    });
  });

  it('is only for the worker', async () => {
    const [row] = await sql`select has_function_privilege('workgrid_engine', 'app.sla_sweep(timestamptz)', 'execute') as engine`;
    expect(row!.engine).toBe(false);
  });
});
