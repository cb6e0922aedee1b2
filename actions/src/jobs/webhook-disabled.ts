import { z } from 'zod';
import { wantsInApp } from './preferences.ts';
import { PermanentError, type EffectHandler } from './effects.ts';

export const WEBHOOK_DISABLED_EVENT_TYPE = 'webhook.disabled';

const payloadSchema = z.object({ subscription_id: z.guid(), url: z.string(), consecutive_failures: z.number().int() });

/** webhook.disabled: every owner and admin of the org hears of it in-app (unless they opted out). */
export const webhookDisabled: EffectHandler = async (tx, event) => {
  const parsed = payloadSchema.safeParse(event.payload);
  if (!parsed.success) throw new PermanentError(`webhook.disabled payload: ${parsed.error.message}`);
  const [row] = await tx`select app.org_admin_ids() as ids`;
  const admins = (row?.ids ?? []) as string[];
  const wanted = await wantsInApp(tx, admins, WEBHOOK_DISABLED_EVENT_TYPE);
  for (const userId of admins.filter((id) => wanted.has(id))) {
    await tx`
      insert into notifications (org_id, user_id, event_type, title, body, data)
      values (${event.org_id}, ${userId}, ${WEBHOOK_DISABLED_EVENT_TYPE}, 'A webhook was disabled',
              ${`${parsed.data.url} failed ${parsed.data.consecutive_failures} times in a row and was turned off. Fix the receiver, then enable it again.`},
              ${tx.json({ subscription_id: parsed.data.subscription_id, event_id: event.id })})`;
  }
  return [];
};
