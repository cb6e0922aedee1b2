'use client';

import { useState, type FormEvent } from 'react';
import { DataTable } from '@/components/data-table';
import { ErrorAlert } from '@/components/error-alert';
import { Field } from '@/components/field';
import { Notice } from '@/components/notice';
import { RowButton } from '@/components/row-button';
import { SecretOnce } from '@/components/secret-once';
import { useMutation, useQuery } from '@/features/graphql/hooks';
import { deliveryOutcome } from './delivery-outcome';
import { CreateWebhookMutation, DeleteWebhookMutation, SetWebhookEnabledMutation, TestWebhookMutation, WebhooksQuery } from './documents';
import { WebhookDeliveries } from './webhook-deliveries';

export function WebhooksAdmin() {
  const { data, error, fetching, refetch } = useQuery(WebhooksQuery, {});
  const create = useMutation(CreateWebhookMutation);
  const setEnabled = useMutation(SetWebhookEnabledMutation);
  const remove = useMutation(DeleteWebhookMutation);
  const test = useMutation(TestWebhookMutation);
  const [secret, setSecret] = useState<string | undefined>(undefined);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const [selected, setSelected] = useState<{ id: string; url: string } | undefined>(undefined);
  // Remounts the deliveries list after a test delivery, so it shows the new one.
  const [deliveriesVersion, setDeliveriesVersion] = useState(0);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setSecret(undefined);
    setNotice(undefined);
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const description = String(form.get('description') ?? '').trim();
    const eventTypes = String(form.get('eventTypes'))
      .split(/[\s,]+/)
      .filter((type) => type !== '');
    const created = await create.run({ url: String(form.get('url')).trim(), eventTypes, description: description === '' ? null : description });
    if (created?.createWebhook) {
      formElement.reset();
      setSecret(created.createWebhook.secret);
      refetch();
    }
  }

  const failure = setEnabled.error ?? remove.error ?? test.error;
  return (
    <>
      <h1>Webhooks</h1>
      <form onSubmit={submit} className="card" aria-labelledby="create-webhook-heading">
        <h2 id="create-webhook-heading">Add a webhook</h2>
        <ErrorAlert error={create.error} />
        <Field label="URL" name="url" type="url" required placeholder="https://example.com/hooks/workgrid" />
        <Field label="Event types" name="eventTypes" required defaultValue="*" hint="Comma-separated topics such as comment.created, or * for every event." />
        <Field label="Description (optional)" name="description" maxLength={500} />
        <button type="submit" disabled={create.pending}>
          {create.pending ? 'Adding…' : 'Add webhook'}
        </button>
      </form>
      {secret ? <SecretOnce label="Signing secret" value={secret} /> : null}
      <Notice message={notice} />
      <ErrorAlert error={failure} />
      <h2>Subscriptions</h2>
      <DataTable
        query={{ fetching, error }}
        rows={data?.webhook_subscriptions}
        rowKey={(webhook) => webhook.id}
        empty="No webhooks yet."
        columns={[
          {
            header: 'URL',
            rowHeader: true,
            cell: (webhook) => (
              <>
                <span className="mono">{webhook.url}</span>
                {webhook.description ? <div className="muted">{webhook.description}</div> : null}
              </>
            ),
          },
          { header: 'Events', cell: (webhook) => webhook.event_types.join(', ') },
          {
            header: 'State',
            cell: (webhook) => (
              <>
                <span className="badge">{webhook.enabled ? 'enabled' : 'disabled'}</span>
                {webhook.consecutive_failures > 0 ? <div className="muted">{webhook.consecutive_failures} failures in a row</div> : null}
                {webhook.disabled_reason ? <div className="muted">{webhook.disabled_reason}</div> : null}
              </>
            ),
          },
          {
            header: 'Actions',
            hiddenHeader: true,
            cell: (webhook) => (
              <div className="actions">
                <RowButton
                  label="Send test"
                  target={`to ${webhook.url}`}
                  disabled={test.pending}
                  onClick={async () => {
                    setNotice(undefined);
                    const answer = await test.run({ subscriptionId: webhook.id });
                    if (answer?.testWebhook) {
                      setNotice(`Test to ${webhook.url}: ${deliveryOutcome(answer.testWebhook)}`);
                      setSelected({ id: webhook.id, url: webhook.url });
                      setDeliveriesVersion((value) => value + 1);
                    }
                  }}
                />
                <RowButton
                  label="Deliveries"
                  target={`to ${webhook.url}`}
                  pressed={selected?.id === webhook.id}
                  onClick={() => setSelected({ id: webhook.id, url: webhook.url })}
                />
                <RowButton
                  label={webhook.enabled ? 'Disable' : 'Enable'}
                  target={webhook.url}
                  disabled={setEnabled.pending}
                  onClick={async () => {
                    if (await setEnabled.run({ id: webhook.id, enabled: !webhook.enabled })) refetch();
                  }}
                />
                <RowButton
                  label="Delete"
                  target={webhook.url}
                  variant="danger"
                  disabled={remove.pending}
                  onClick={async () => {
                    if (!window.confirm(`Delete the webhook to ${webhook.url}?`)) return;
                    if (await remove.run({ id: webhook.id })) {
                      if (selected?.id === webhook.id) setSelected(undefined);
                      refetch();
                    }
                  }}
                />
              </div>
            ),
          },
        ]}
      />
      {selected ? <WebhookDeliveries key={`${selected.id}-${deliveriesVersion}`} subscriptionId={selected.id} url={selected.url} /> : null}
    </>
  );
}
