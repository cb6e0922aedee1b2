import type { Tx } from '../db-session.ts';

interface Preference {
  user_id: string;
  event_type: string;
  enabled: boolean;
  muted: boolean;
}

/**
 * Which of users want an in-app notification of eventType: a preference for the event type wins
 * over the "*" one; no preference means yes. Off or muted (muted_until in the future) means no.
 */
export async function wantsInApp(tx: Tx, userIds: string[], eventType: string): Promise<Set<string>> {
  const rows = (await tx`
    select user_id, event_type, enabled, coalesce(muted_until > now(), false) as muted
      from notification_preferences
     where user_id = any(${userIds}::uuid[]) and channel = 'in_app' and event_type in (${eventType}, '*')`) as unknown as Preference[];
  const wanted = new Set<string>();
  for (const userId of userIds) {
    const own = rows.filter((row) => row.user_id === userId);
    const preference = own.find((row) => row.event_type === eventType) ?? own.find((row) => row.event_type === '*');
    if (!preference || (preference.enabled && !preference.muted)) wanted.add(userId);
  }
  return wanted;
}

/**
 * Which of users asked for email about eventType: email is opt-in, by an enabled, unmuted
 * preference for the event type (or "*") with digest off (digests collect the rest).
 */
export async function wantsEmailNow(tx: Tx, userIds: string[], eventType: string): Promise<Set<string>> {
  const rows = (await tx`
    select user_id, event_type, enabled and digest = 'off' as enabled, coalesce(muted_until > now(), false) as muted
      from notification_preferences
     where user_id = any(${userIds}::uuid[]) and channel = 'email' and event_type in (${eventType}, '*')`) as unknown as Preference[];
  const wanted = new Set<string>();
  for (const userId of userIds) {
    const own = rows.filter((row) => row.user_id === userId);
    const preference = own.find((row) => row.event_type === eventType) ?? own.find((row) => row.event_type === '*');
    if (preference && preference.enabled && !preference.muted) wanted.add(userId);
  }
  return wanted;
}
