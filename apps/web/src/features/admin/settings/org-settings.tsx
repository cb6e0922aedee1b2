'use client';

import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '@/components/error-alert';
import { Field } from '@/components/field';
import { QueryStatus } from '@/components/query-status';
import { useMutation, useQuery } from '@/features/graphql/hooks';
import { useViewer } from '@/features/shell/viewer';
import { OrgSettingsQuery, UpdateOrgMutation } from './documents';

export function OrgSettings() {
  const viewer = useViewer();
  const { data, error, fetching, refetch } = useQuery(OrgSettingsQuery, { orgId: viewer.org.id });
  const update = useMutation(UpdateOrgMutation);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const org = data?.orgs_by_pk;

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setNotice(undefined);
    const form = new FormData(event.currentTarget);
    const saved = await update.run({
      orgId: viewer.org.id,
      name: String(form.get('name')).trim(),
      timezone: String(form.get('timezone')).trim(),
      locale: String(form.get('locale')).trim(),
    });
    if (saved?.update_orgs_by_pk) {
      setNotice('Settings saved.');
      refetch();
      viewer.reload();
    }
  }

  return (
    <>
      <h1>Organization settings</h1>
      <QueryStatus fetching={fetching} error={error} hasData={data !== undefined} />
      {org ? (
        <form onSubmit={submit} className="card" key={`${org.name}-${org.timezone}-${org.locale}`}>
          <ErrorAlert error={update.error} />
          <Field label="Name" name="name" required maxLength={200} defaultValue={org.name} />
          <Field label="Time zone" name="timezone" required defaultValue={org.timezone} hint="An IANA name such as Europe/Berlin." />
          <Field label="Language" name="locale" required defaultValue={org.locale} hint="A language tag such as en or de-CH." />
          <p className="muted">
            Address: <span className="mono">{org.slug}</span> · Plan: {org.plan}
          </p>
          <button type="submit" disabled={update.pending}>
            Save
          </button>
        </form>
      ) : null}
      {notice ? (
        <p role="status" className="alert success">
          {notice}
        </p>
      ) : null}
    </>
  );
}
