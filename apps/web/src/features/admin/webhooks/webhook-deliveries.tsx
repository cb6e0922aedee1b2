'use client';

import { useState } from 'react';
import { DataTable } from '@/components/data-table';
import { DateTime } from '@/components/date-time';
import { ErrorAlert } from '@/components/error-alert';
import { Notice } from '@/components/notice';
import { RowButton } from '@/components/row-button';
import { useMutation, useQuery } from '@/features/graphql/hooks';
import { deliveryOutcome } from './delivery-outcome';
import { RedeliverWebhookMutation, WebhookDeliveriesQuery } from './documents';

export function WebhookDeliveries({ subscriptionId, url }: { subscriptionId: string; url: string }) {
  const { data, error, fetching, refetch } = useQuery(WebhookDeliveriesQuery, { subscriptionId });
  const redeliver = useMutation(RedeliverWebhookMutation);
  const [outcome, setOutcome] = useState<string | undefined>(undefined);
  return (
    <section aria-labelledby="deliveries-heading" className="card">
      <h2 id="deliveries-heading">Deliveries to {url}</h2>
      <ErrorAlert error={redeliver.error} />
      <Notice message={outcome} />
      <DataTable
        query={{ fetching, error }}
        rows={data?.webhook_deliveries}
        rowKey={(delivery) => delivery.id}
        empty="No deliveries yet."
        columns={[
          { header: 'Event', rowHeader: true, cell: (delivery) => delivery.event_type },
          { header: 'Status', cell: (delivery) => <span className="badge">{delivery.status}</span> },
          {
            header: 'Response',
            cell: (delivery) => (
              <>
                {delivery.response_code ?? '—'}
                {delivery.error ? <div className="muted">{delivery.error}</div> : null}
              </>
            ),
          },
          { header: 'Attempts', cell: (delivery) => delivery.attempts },
          { header: 'Created', cell: (delivery) => <DateTime value={delivery.created_at} /> },
          {
            header: 'Actions',
            hiddenHeader: true,
            cell: (delivery) => (
              <RowButton
                label="Redeliver"
                target={delivery.event_type}
                disabled={redeliver.pending}
                onClick={async () => {
                  setOutcome(undefined);
                  const answer = await redeliver.run({ deliveryId: delivery.id });
                  if (answer?.redeliverWebhook) {
                    setOutcome(deliveryOutcome(answer.redeliverWebhook));
                    refetch();
                  }
                }}
              />
            ),
          },
        ]}
      />
    </section>
  );
}
