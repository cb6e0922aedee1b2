'use client';

import { useState, type FormEvent } from 'react';
import { DateTime } from '@/components/date-time';
import { ErrorAlert } from '@/components/error-alert';
import { Field } from '@/components/field';
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
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Prefix</th>
                  <th scope="col">Scopes</th>
                  <th scope="col">Expires</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {keys.map((key) => (
                  <tr key={key.id}>
                    <th scope="row">{key.name}</th>
                    <td className="mono">{key.prefix}</td>
                    <td>{key.scopes.join(', ')}</td>
                    <td>{key.expiresAt ? <DateTime value={key.expiresAt} /> : 'never'}</td>
                    <td>
                      {key.revoked ? (
                        <span className="badge">revoked</span>
                      ) : (
                        <button
                          type="button"
                          className="danger"
                          disabled={revoke.pending}
                          onClick={async () => {
                            if (await revoke.run({ apiKeyId: key.id })) {
                              setKeys((previous) => previous.map((entry) => (entry.id === key.id ? { ...entry, revoked: true } : entry)));
                            }
                          }}
                        >
                          Revoke<span className="visually-hidden"> {key.name}</span>
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </>
  );
}
