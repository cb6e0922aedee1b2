'use client';

import { useState, type FormEvent } from 'react';
import { DataTable } from '@/components/data-table';
import { DateTime } from '@/components/date-time';
import { ErrorAlert } from '@/components/error-alert';
import { Field } from '@/components/field';
import { Notice } from '@/components/notice';
import { RowButton } from '@/components/row-button';
import { useMutation, useQuery } from '@/features/graphql/hooks';
import { ORG_ROLES, useViewer } from '@/features/shell/viewer';
import { InvitationsQuery, InviteMemberMutation, ResendInvitationMutation, RevokeInvitationMutation } from './documents';

interface InvitationState {
  accepted_at?: string | null;
  revoked_at?: string | null;
  expires_at: string;
}

function statusOf(invitation: InvitationState): 'accepted' | 'revoked' | 'expired' | 'pending' {
  if (invitation.accepted_at) return 'accepted';
  if (invitation.revoked_at) return 'revoked';
  return new Date(invitation.expires_at).getTime() < Date.now() ? 'expired' : 'pending';
}

export function InvitationsAdmin() {
  const viewer = useViewer();
  const { data, error, fetching, refetch } = useQuery(InvitationsQuery, {});
  const invite = useMutation(InviteMemberMutation);
  const revoke = useMutation(RevokeInvitationMutation);
  const resend = useMutation(ResendInvitationMutation);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const roles = ORG_ROLES.filter((role) => role !== 'owner' || viewer.role === 'owner');

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setNotice(undefined);
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const email = String(form.get('email')).trim();
    const message = String(form.get('message') ?? '').trim();
    const sent = await invite.run({ email, role: String(form.get('role')), message: message === '' ? null : message });
    if (sent) {
      formElement.reset();
      setNotice(`Invitation sent to ${email}.`);
      refetch();
    }
  }

  return (
    <>
      <h1>Invitations</h1>
      <form onSubmit={submit} aria-labelledby="invite-heading" className="card">
        <h2 id="invite-heading">Invite someone</h2>
        <ErrorAlert error={invite.error} />
        <div className="form-row">
          <Field label="Email" name="email" type="email" required />
          <div className="field">
            <label htmlFor="invite-role">Role</label>
            <select id="invite-role" name="role" defaultValue="member">
              {roles.map((role) => (
                <option key={role} value={role}>
                  {role}
                </option>
              ))}
            </select>
          </div>
          <Field label="Message (optional)" name="message" maxLength={2000} />
          <button type="submit" disabled={invite.pending}>
            {invite.pending ? 'Sending…' : 'Send invitation'}
          </button>
        </div>
      </form>
      <Notice message={notice} />
      <ErrorAlert error={revoke.error ?? resend.error} />
      <h2>Sent invitations</h2>
      <DataTable
        query={{ fetching, error }}
        rows={data?.invitations}
        rowKey={(invitation) => invitation.id}
        empty="No invitations yet."
        columns={[
          { header: 'Email', rowHeader: true, cell: (invitation) => invitation.email },
          { header: 'Role', cell: (invitation) => invitation.role },
          { header: 'Status', cell: (invitation) => <span className="badge">{statusOf(invitation)}</span> },
          { header: 'Expires', cell: (invitation) => <DateTime value={invitation.expires_at} /> },
          { header: 'Invited by', cell: (invitation) => invitation.invited_by_user?.display_name ?? '—' },
          {
            header: 'Actions',
            hiddenHeader: true,
            cell: (invitation) => {
              const status = statusOf(invitation);
              return (
                <div className="actions">
                  {status === 'pending' || status === 'expired' ? (
                    <RowButton
                      label="Resend"
                      target={`to ${invitation.email}`}
                      disabled={resend.pending}
                      onClick={async () => {
                        setNotice(undefined);
                        if (await resend.run({ invitationId: invitation.id })) {
                          setNotice(`Invitation to ${invitation.email} sent again.`);
                          refetch();
                        }
                      }}
                    />
                  ) : null}
                  {status === 'pending' ? (
                    <RowButton
                      label="Revoke"
                      target={`the invitation to ${invitation.email}`}
                      variant="danger"
                      disabled={revoke.pending}
                      onClick={async () => {
                        setNotice(undefined);
                        if (await revoke.run({ invitationId: invitation.id })) {
                          setNotice(`Invitation to ${invitation.email} revoked.`);
                          refetch();
                        }
                      }}
                    />
                  ) : null}
                </div>
              );
            },
          },
        ]}
      />
    </>
  );
}
