'use client';

import { useState } from 'react';
import { DateTime } from '@/components/date-time';
import { ErrorAlert } from '@/components/error-alert';
import { QueryStatus } from '@/components/query-status';
import { useMutation, useQuery } from '@/features/graphql/hooks';
import { DeadLettersQuery, RetryDeliveryMutation } from './documents';

/** Side effects (emails, notifications, webhooks) that failed every attempt, with a retry. */
export function DeadLettersAdmin() {
  const { data, error, fetching, refetch } = useQuery(DeadLettersQuery, {});
  const retry = useMutation(RetryDeliveryMutation);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const letters = data?.deadLetters ?? [];
  return (
    <>
      <h1>Dead letters</h1>
      <p className="muted">Side effects that failed every attempt. Retrying sends one back to the queue with a fresh attempt budget.</p>
      <ErrorAlert error={retry.error} />
      {notice ? (
        <p role="status" className="alert success">
          {notice}
        </p>
      ) : null}
      <QueryStatus fetching={fetching} error={error} hasData={data !== undefined} />
      {data && letters.length === 0 ? <p>Nothing failed.</p> : null}
      {letters.length > 0 ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Topic</th>
                <th scope="col">Last error</th>
                <th scope="col">Attempts</th>
                <th scope="col">Failed</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {letters.map((letter) => (
                <tr key={letter.id}>
                  <th scope="row">{letter.topic}</th>
                  <td>{letter.last_error ?? '—'}</td>
                  <td>{letter.attempts}</td>
                  <td>
                    <DateTime value={letter.dead_at} />
                  </td>
                  <td>
                    <button
                      type="button"
                      className="secondary"
                      disabled={retry.pending}
                      onClick={async () => {
                        setNotice(undefined);
                        const answer = await retry.run({ eventId: letter.id });
                        if (answer?.retryDelivery) {
                          setNotice(`${letter.topic} is back in the queue.`);
                          refetch();
                        }
                      }}
                    >
                      Retry<span className="visually-hidden"> {letter.topic}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
