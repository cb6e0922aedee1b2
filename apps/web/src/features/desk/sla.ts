'use client';

import { useEffect, useState } from 'react';

interface SlaClock {
  first_response_at?: string | null;
  first_response_due_at?: string | null;
  resolution_due_at?: string | null;
  sla_paused_at?: string | null;
}

/** The due time that counts now: first response until someone from the desk answered, then resolution. */
export function nextDue(ticket: SlaClock): { target: 'first response' | 'resolution'; dueAt: number } | undefined {
  const target = ticket.first_response_at ? 'resolution' : 'first response';
  const due = ticket.first_response_at ? ticket.resolution_due_at : ticket.first_response_due_at;
  return due ? { target, dueAt: Date.parse(due) } : undefined;
}

/** "2 h 05 min 09 s", "45 s": a duration as people read a countdown, down to the second. */
function duration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  if (days > 0) return `${days} d ${hours} h`;
  const secondsPart = `${String(seconds % 60).padStart(2, '0')} s`;
  if (hours > 0) return `${hours} h ${String(minutes).padStart(2, '0')} min ${secondsPart}`;
  if (minutes > 0) return `${minutes} min ${secondsPart}`;
  return `${seconds % 60} s`;
}

/** The SLA countdown of a ticket at `now`. */
export function countdown(ticket: SlaClock, now: number): { text: string; overdue: boolean } {
  const due = nextDue(ticket);
  if (!due) return { text: 'No SLA', overdue: false };
  if (ticket.sla_paused_at) return { text: `${due.target}: paused`, overdue: false };
  const left = due.dueAt - now;
  return left >= 0
    ? { text: `${due.target} due in ${duration(left)}`, overdue: false }
    : { text: `${due.target} overdue by ${duration(-left)}`, overdue: true };
}

/** The current time, ticking every second: countdowns move without new data. */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** Allowed next statuses (docs/service-desk.md, state machine); the database has the last word. */
export const NEXT_STATUSES: Record<string, string[]> = {
  new: ['open'],
  open: ['pending', 'on_hold', 'resolved'],
  pending: ['open', 'on_hold', 'resolved'],
  on_hold: ['open', 'pending', 'resolved'],
  resolved: ['open', 'closed'],
  closed: ['open'],
};

export const STATUS_LABEL: Record<string, string> = {
  new: 'New',
  open: 'Open',
  pending: 'Pending',
  on_hold: 'On hold',
  resolved: 'Resolved',
  closed: 'Closed',
};
