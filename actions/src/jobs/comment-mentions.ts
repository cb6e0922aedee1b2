import { z } from 'zod';
import { PermanentError, type EffectHandler } from './effects.ts';
import { notifyMembers } from './notify.ts';

export const MENTION_EVENT_TYPE = 'comment.mention';

const payloadSchema = z.object({
  comment_id: z.guid(),
  entity_type: z.string(),
  entity_id: z.guid(),
  author_id: z.guid().nullable(),
  mentions: z.array(z.guid()),
});

/** comment.created: an in-app notification (and, when asked for, an email) for every mentioned member except the author. */
export const commentMentions: EffectHandler = async (tx, event) => {
  const parsed = payloadSchema.safeParse(event.payload);
  if (!parsed.success) throw new PermanentError(`comment.created payload: ${parsed.error.message}`);
  const { comment_id, entity_type, entity_id, author_id, mentions } = parsed.data;
  return notifyMembers(tx, event, mentions, {
    eventType: MENTION_EVENT_TYPE,
    title: 'You were mentioned in a comment',
    url: `/${entity_type}/${entity_id}#comment-${comment_id}`,
    entityType: entity_type,
    entityId: entity_id,
    detail: { type: 'comment', id: comment_id },
    actorId: author_id,
    data: { comment_id },
  });
};
