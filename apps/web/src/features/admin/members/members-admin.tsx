'use client';

import { useState } from 'react';
import { DateTime } from '@/components/date-time';
import { ErrorAlert } from '@/components/error-alert';
import { QueryStatus } from '@/components/query-status';
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

  return (
    <>
      <h1>Members</h1>
      <ErrorAlert error={changeRole.error ?? remove.error} />
      {notice ? (
        <p role="status" className="alert success">
          {notice}
        </p>
      ) : null}
      <QueryStatus fetching={fetching} error={error} hasData={data !== undefined} />
      {data ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Members of {viewer.org.name}</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Member since</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.org_memberships.map((membership) => {
                const name = membership.user.display_name;
                const isSelf = membership.user.id === viewer.user.id;
                const locked = membership.role === 'owner' && viewer.role !== 'owner';
                return (
                  <tr key={membership.id}>
                    <th scope="row">
                      {name}
                      {isSelf ? <span className="muted"> (you)</span> : null}
                    </th>
                    <td>{membership.user.email}</td>
                    <td>
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
                            if (isSelf) viewer.reload();
                          }
                        }}
                      >
                        {(locked ? ORG_ROLES : assignable).map((role) => (
                          <option key={role} value={role}>
                            {role}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <DateTime value={membership.created_at} />
                    </td>
                    <td>
                      <button
                        type="button"
                        className="danger"
                        disabled={locked || remove.pending}
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
                      >
                        {isSelf ? 'Leave' : 'Remove'}
                        <span className="visually-hidden"> {name}</span>
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
