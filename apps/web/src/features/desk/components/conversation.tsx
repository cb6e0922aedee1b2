import { DateTime } from '@/components/date-time';

interface Message {
  id: string;
  body: string;
  visibility: string;
  created_at: string;
  author?: { display_name: string } | null;
}

/** A ticket's messages; internal notes are marked in words, not only in colour. */
export function Conversation({ messages }: { messages: Message[] }) {
  if (messages.length === 0) return <p>No messages yet.</p>;
  return (
    <ol aria-label="Conversation" className="conversation">
      {messages.map((message) => {
        const internal = message.visibility === 'internal';
        return (
          <li key={message.id} className={internal ? 'message internal' : 'message'}>
            <div className="muted">
              {internal ? <strong>Internal note · </strong> : null}
              {message.author?.display_name ?? 'Someone'} · <DateTime value={message.created_at} />
            </div>
            <p>{message.body}</p>
          </li>
        );
      })}
    </ol>
  );
}
