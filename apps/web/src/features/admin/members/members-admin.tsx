'use client';

import { useState } from 'react';
import { DataTable } from '@/components/data-table';
import { DateTime } from '@/components/date-time';
import { ErrorAlert } from '@/components/error-alert';
import { Notice } from '@/components/notice';
import { RowButton } from '@/components/row-button';
import { useMutation, useQuery } from '@/features/graphql/hooks';
import { ORG_ROLES, useViewer } from '@/features/shell/viewer';
import { ChangeMemberRoleMutation, MembersQuery, RemoveMemberMutation } from './documents';

export function MembersAdmin() {
  const viewer = useViewer();
  const { data, error, fetching, refetch } = useQuery(MembersQuery, { orgId: viewer.org.id });
  const changeRole = useMutation(ChangeMemberRoleMutation);
  const remove = useMutation(RemoveMemberMutation);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  // Only owners hand out or take away ownership (the actions service enforces it as well).
  const assignable = ORG_ROLES.filter((role) => role !== 'owner' || viewer.role === 'owner');
  const isLocked = (membership: { role: string }) => membership.role === 'owner' && viewer.role !== 'owner';

  return (
    <>
      <h1>Members</h1>
      <ErrorAlert error={changeRole.error ?? remove.error} />
      <Notice message={notice} />
      <DataTable
        caption={`Members of ${viewer.org.name}`}
        query={{ fetching, error }}
        rows={data?.org_memberships}
        rowKey={(membership) => membership.id}
        columns={[
          {
            header: 'Name',
            rowHeader: true,
            cell: (membership) => (
              <>
                {membership.user.display_name}
                {membership.user.id === viewer.user.id ? <span className="muted"> (you)</span> : null}
              </>
            ),
          },
          { header: 'Email', cell: (membership) => membership.user.email },
          {
            header: 'Role',
            cell: (membership) => {
              const name = membership.user.display_name;
              const locked = isLocked(membership);
              return (
                <>
                  <label className="visually-hidden" htmlFor={`role-${membership.id}`}>
                    Role of {name}
                  </label>
                  <select
                    id={`role-${membership.id}`}
                    value={membership.role}
                    disabled={locked || changeRole.pending}
                    onChange={async (event) => {
                      setNotice(undefined);
                      const role = event.target.value;
                      if (await changeRole.run({ membershipId: membership.id, role })) {
                        setNotice(`${name} is now ${role}.`);
                        refetch();
                        if (membership.user.id === viewer.user.id) viewer.reload();
                      }
                    }}
                  >
                    {(locked ? ORG_ROLES : assignable).map((role) => (
                      <option key={role} value={role}>
                        {role}
                      </option>
                    ))}
                  </select>
                </>
              );
            },
          },
          { header: 'Member since', cell: (membership) => <DateTime value={membership.created_at} /> },
          {
            header: 'Actions',
            hiddenHeader: true,
            cell: (membership) => {
              const name = membership.user.display_name;
              const isSelf = membership.user.id === viewer.user.id;
              return (
                <RowButton
                  label={isSelf ? 'Leave' : 'Remove'}
                  target={name}
                  variant="danger"
                  disabled={isLocked(membership) || remove.pending}
                  onClick={async () => {
                    setNotice(undefined);
                    const question = isSelf ? `Leave ${viewer.org.name}?` : `Remove ${name} from ${viewer.org.name}?`;
                    if (!window.confirm(question)) return;
                    if (await remove.run({ membershipId: membership.id })) {
                      setNotice(isSelf ? `You left ${viewer.org.name}.` : `${name} was removed.`);
                      refetch();
                      if (isSelf) viewer.reload();
                    }
                  }}
                />
              );
            },
          },
        ]}
      />
    </>
  );
}
