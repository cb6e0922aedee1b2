'use client';

import { useState } from 'react';
import { DateTime } from '@/components/date-time';
import { ErrorAlert } from '@/components/error-alert';
import { QueryStatus } from '@/components/query-status';
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
      {outcome ? (
        <p role="status" className="alert success">
          {outcome}
        </p>
      ) : null}
      <QueryStatus fetching={fetching} error={error} hasData={data !== undefined} />
      {data && data.webhook_deliveries.length === 0 ? <p>No deliveries yet.</p> : null}
      {data && data.webhook_deliveries.length > 0 ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">Status</th>
                <th scope="col">Response</th>
                <th scope="col">Attempts</th>
                <th scope="col">Created</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.webhook_deliveries.map((delivery) => (
                <tr key={delivery.id}>
                  <th scope="row">{delivery.event_type}</th>
                  <td>
                    <span className="badge">{delivery.status}</span>
                  </td>
                  <td>
                    {delivery.response_code ?? '—'}
                    {delivery.error ? <div className="muted">{delivery.error}</div> : null}
                  </td>
                  <td>{delivery.attempts}</td>
                  <td>
                    <DateTime value={delivery.created_at} />
                  </td>
                  <td>
                    <button
                      type="button"
                      className="secondary"
                      disabled={redeliver.pending}
                      onClick={async () => {
                        setOutcome(undefined);
                        const answer = await redeliver.run({ deliveryId: delivery.id });
                        if (answer?.redeliverWebhook) {
                          setOutcome(deliveryOutcome(answer.redeliverWebhook));
                          refetch();
                        }
                      }}
                    >
                      Redeliver<span className="visually-hidden"> {delivery.event_type}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
