'use client';

import { useState } from 'react';
import { DataTable } from '@/components/data-table';
import { DateTime } from '@/components/date-time';
import { ErrorAlert } from '@/components/error-alert';
import { Notice } from '@/components/notice';
import { RowButton } from '@/components/row-button';
import { useMutation, useQuery } from '@/features/graphql/hooks';
import { DeadLettersQuery, RetryDeliveryMutation } from './documents';

/** Side effects (emails, notifications, webhooks) that failed every attempt, with a retry. */
export function DeadLettersAdmin() {
  const { data, error, fetching, refetch } = useQuery(DeadLettersQuery, {});
  const retry = useMutation(RetryDeliveryMutation);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  return (
    <>
      <h1>Dead letters</h1>
      <p className="muted">Side effects that failed every attempt. Retrying sends one back to the queue with a fresh attempt budget.</p>
      <ErrorAlert error={retry.error} />
      <Notice message={notice} />
      <DataTable
        query={{ fetching, error }}
        rows={data ? (data.deadLetters ?? []) : undefined}
        rowKey={(letter) => letter.id}
        empty="Nothing failed."
        columns={[
          { header: 'Topic', rowHeader: true, cell: (letter) => letter.topic },
          { header: 'Last error', cell: (letter) => letter.last_error ?? '—' },
          { header: 'Attempts', cell: (letter) => letter.attempts },
          { header: 'Failed', cell: (letter) => <DateTime value={letter.dead_at} /> },
          {
            header: 'Actions',
            hiddenHeader: true,
            cell: (letter) => (
              <RowButton
                label="Retry"
                target={letter.topic}
                disabled={retry.pending}
                onClick={async () => {
                  setNotice(undefined);
                  const answer = await retry.run({ eventId: letter.id });
                  if (answer?.retryDelivery) {
                    setNotice(`${letter.topic} is back in the queue.`);
                    refetch();
                  }
                }}
              />
            ),
          },
        ]}
      />
    </>
  );
}
