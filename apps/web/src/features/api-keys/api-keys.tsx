'use client';

import { useState, type FormEvent } from 'react';
import { DataTable } from '@/components/data-table';
import { DateTime } from '@/components/date-time';
import { ErrorAlert } from '@/components/error-alert';
import { Field } from '@/components/field';
import { RowButton } from '@/components/row-button';
import { SecretOnce } from '@/components/secret-once';
import { useMutation } from '@/features/graphql/hooks';
import { useViewer } from '@/features/shell/viewer';
import { CreateApiKeyMutation, RevokeApiKeyMutation } from './documents';

interface CreatedKey {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  expiresAt: string | null | undefined;
  revoked: boolean;
}

/**
 * API keys of the signed-in person in this org. The API answers a key's secret once, at creation,
 * and offers no list of keys: this screen keeps the keys created during this visit, to revoke them.
 */
export function ApiKeys() {
  const viewer = useViewer();
  const create = useMutation(CreateApiKeyMutation);
  const revoke = useMutation(RevokeApiKeyMutation);
  const [secret, setSecret] = useState<string | undefined>(undefined);
  const [keys, setKeys] = useState<CreatedKey[]>([]);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setSecret(undefined);
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const days = String(form.get('expiresInDays') ?? '').trim();
    const name = String(form.get('name')).trim();
    const created = await create.run({
      name,
      scopes: form.getAll('scopes').map(String),
      expiresInDays: days === '' ? null : Number(days),
    });
    const key = created?.createApiKey;
    if (!key) return;
    formElement.reset();
    setSecret(key.api_key);
    setKeys((previous) => [{ id: key.id, name, prefix: key.prefix, scopes: key.scopes, expiresAt: key.expires_at, revoked: false }, ...previous]);
  }

  return (
    <>
      <h1>API keys</h1>
      <p className="muted">
        Keys act as you in {viewer.org.name}, limited to their scopes. Programs exchange them for short-lived access tokens with the{' '}
        <code>exchangeApiKey</code> mutation.
      </p>
      <form onSubmit={submit} className="card" aria-labelledby="create-key-heading">
        <h2 id="create-key-heading">Create a key</h2>
        <ErrorAlert error={create.error} />
        <Field label="Name" name="name" required maxLength={120} />
        <fieldset className="field">
          <legend>Scopes</legend>
          <label>
            <input type="checkbox" name="scopes" value="read" defaultChecked /> read
          </label>
          <label>
            <input type="checkbox" name="scopes" value="write" /> write
          </label>
        </fieldset>
        <Field label="Expires after (days, optional)" name="expiresInDays" type="number" min={1} max={3650} />
        <button type="submit" disabled={create.pending}>
          {create.pending ? 'Creating…' : 'Create key'}
        </button>
      </form>
      {secret ? <SecretOnce label="New API key" value={secret} /> : null}
      <ErrorAlert error={revoke.error} />
      {keys.length > 0 ? (
        <>
          <h2>Created now</h2>
          <DataTable
            rows={keys}
            rowKey={(key) => key.id}
            columns={[
              { header: 'Name', rowHeader: true, cell: (key) => key.name },
              { header: 'Prefix', cell: (key) => key.prefix, cellClassName: () => 'mono' },
              { header: 'Scopes', cell: (key) => key.scopes.join(', ') },
              { header: 'Expires', cell: (key) => (key.expiresAt ? <DateTime value={key.expiresAt} /> : 'never') },
              {
                header: 'Actions',
                hiddenHeader: true,
                cell: (key) =>
                  key.revoked ? (
                    <span className="badge">revoked</span>
                  ) : (
                    <RowButton
                      label="Revoke"
                      target={key.name}
                      variant="danger"
                      disabled={revoke.pending}
                      onClick={async () => {
                        if (await revoke.run({ apiKeyId: key.id })) {
                          setKeys((previous) => previous.map((entry) => (entry.id === key.id ? { ...entry, revoked: true } : entry)));
                        }
                      }}
                    />
                  ),
              },
            ]}
          />
        </>
      ) : null}
    </>
  );
}
