/** How a comment names a person: `@[Name](user:<uuid>)` (docs/graphql-guide-work.md). */
export const mentionToken = (user: { id: string; display_name: string }) => `@[${user.display_name.replace(/[[\]]/g, '')}](user:${user.id})`;

const MENTION = /@\[([^\]]*)\]\(user:[0-9a-f-]{36}\)/g;

/** A comment body as people read it: mention tokens become "@Name". */
export const readableBody = (body: string) => body.replace(MENTION, '@$1');
