'use client';

import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '@/components/error-alert';
import { useMutation } from '@/features/graphql/hooks';
import { AddTicketMessageMutation } from '../graphql/documents';

/** Writes on a ticket: a public reply, or (desk staff) an internal note. */
export function MessageForm({ ticketId, allowInternal }: { ticketId: string; allowInternal: boolean }) {
  const [body, setBody] = useState('');
  const [visibility, setVisibility] = useState<'public' | 'internal'>('public');
  const add = useMutation(AddTicketMessageMutation);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await add.run({ ticketId, body, visibility })) setBody('');
  };
  return (
    <form className="card" onSubmit={(event) => void submit(event)}>
      <h2>{allowInternal ? 'Reply or note' : 'Reply'}</h2>
      <div className="field">
        <label htmlFor="message-body">Message</label>
        <textarea id="message-body" required rows={4} value={body} onChange={(event) => setBody(event.target.value)} />
      </div>
      {allowInternal ? (
        <fieldset>
          <legend>Who sees it</legend>
          <label>
            <input type="radio" name="visibility" checked={visibility === 'public'} onChange={() => setVisibility('public')} /> Public reply (the requester sees it)
          </label>
          <label>
            <input type="radio" name="visibility" checked={visibility === 'internal'} onChange={() => setVisibility('internal')} /> Internal note (desk only)
          </label>
        </fieldset>
      ) : null}
      <ErrorAlert error={add.error} />
      <button type="submit" disabled={add.pending}>
        {visibility === 'internal' ? 'Add note' : 'Send reply'}
      </button>
    </form>
  );
}
