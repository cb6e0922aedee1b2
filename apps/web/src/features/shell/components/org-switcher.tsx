'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ErrorAlert } from '@/components/error-alert';
import { ConsoleError } from '@/features/errors/console-error';
import { mutate } from '@/features/graphql/hooks';
import { sessionStore } from '@/features/session/session-store';
import { SwitchOrganizationMutation } from '../graphql/documents';
import { useViewer } from '../viewer';

export function OrgSwitcher() {
  const viewer = useViewer();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ConsoleError | undefined>(undefined);

  async function switchTo(orgId: string): Promise<void> {
    setPending(true);
    setError(undefined);
    const outcome = await mutate(SwitchOrganizationMutation, { orgId });
    try {
      if (!outcome.ok) throw outcome.error;
      const refreshToken = outcome.data.switchOrganization?.refresh_token;
      if (!refreshToken) throw new ConsoleError('unexpected', 'The server sent no session.');
      await sessionStore.replace(refreshToken);
      router.push('/dashboard');
    } catch (caught) {
      setError(caught instanceof ConsoleError ? caught : new ConsoleError('unexpected', 'Could not switch organization.'));
    } finally {
      setPending(false);
    }
  }

  if (viewer.orgs.length < 2) return <span className="org-name">{viewer.org.name}</span>;
  return (
    <div>
      <label htmlFor="org-switcher" className="visually-hidden">
        Organization
      </label>
      <select id="org-switcher" value={viewer.org.id} disabled={pending} onChange={(event) => void switchTo(event.target.value)}>
        {viewer.orgs.map((org) => (
          <option key={org.id} value={org.id}>
            {org.name}
          </option>
        ))}
      </select>
      <ErrorAlert error={error} />
    </div>
  );
}
