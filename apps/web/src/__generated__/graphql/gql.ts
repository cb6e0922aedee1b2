/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(current_password: $currentPassword, new_password: $newPassword) {\n      refresh_token\n    }\n  }\n": typeof types.ChangePasswordDocument,
    "\n  mutation SignOutAll {\n    signOutAll {\n      sessions_ended\n    }\n  }\n": typeof types.SignOutAllDocument,
    "\n  mutation EnrollMfa {\n    enrollMfa {\n      secret\n      otpauth_url\n    }\n  }\n": typeof types.EnrollMfaDocument,
    "\n  mutation VerifyMfa($code: String!) {\n    verifyMfa(code: $code) {\n      enabled\n      backup_codes\n    }\n  }\n": typeof types.VerifyMfaDocument,
    "\n  mutation DisableMfa($code: String!) {\n    disableMfa(code: $code) {\n      enabled\n    }\n  }\n": typeof types.DisableMfaDocument,
    "\n  query AuditLog($where: audit_log_bool_exp!, $limit: Int!, $offset: Int!) {\n    audit_log(where: $where, order_by: [{ occurred_at: desc }, { id: desc }], limit: $limit, offset: $offset) {\n      id\n      action\n      table_name\n      row_id\n      changes\n      request_id\n      occurred_at\n      actor {\n        display_name\n        email\n      }\n    }\n  }\n": typeof types.AuditLogDocument,
    "\n  query DeadLetters {\n    deadLetters(limit: 100) {\n      id\n      topic\n      attempts\n      last_error\n      created_at\n      dead_at\n    }\n  }\n": typeof types.DeadLettersDocument,
    "\n  mutation RetryDelivery($eventId: uuid!) {\n    retryDelivery(event_id: $eventId) {\n      event_id\n      status\n    }\n  }\n": typeof types.RetryDeliveryDocument,
    "\n  query Invitations {\n    invitations(order_by: { created_at: desc }, limit: 200) {\n      id\n      email\n      role\n      expires_at\n      accepted_at\n      revoked_at\n      created_at\n      invited_by_user {\n        display_name\n      }\n    }\n  }\n": typeof types.InvitationsDocument,
    "\n  mutation InviteMember($email: String!, $role: String, $message: String) {\n    inviteMember(email: $email, role: $role, message: $message) {\n      invitation_id\n      expires_at\n    }\n  }\n": typeof types.InviteMemberDocument,
    "\n  mutation RevokeInvitation($invitationId: uuid!) {\n    revokeInvitation(invitation_id: $invitationId) {\n      ok\n    }\n  }\n": typeof types.RevokeInvitationDocument,
    "\n  mutation ResendInvitation($invitationId: uuid!) {\n    resendInvitation(invitation_id: $invitationId) {\n      invitation_id\n      expires_at\n    }\n  }\n": typeof types.ResendInvitationDocument,
    "\n  query Mailbox {\n    email_log(order_by: { created_at: desc }, limit: 200) {\n      id\n      to_address\n      subject\n      template_key\n      status\n      provider\n      created_at\n      sent_at\n      error\n    }\n  }\n": typeof types.MailboxDocument,
    "\n  query MailboxMessage($id: uuid!) {\n    email_log_by_pk(id: $id) {\n      id\n      to_address\n      subject\n      status\n      provider\n      template_key\n      created_at\n      sent_at\n      error\n      html_body\n      text_body\n    }\n  }\n": typeof types.MailboxMessageDocument,
    "\n  query Members($orgId: uuid!) {\n    org_memberships(where: { org_id: { _eq: $orgId } }, order_by: { created_at: asc }) {\n      id\n      role\n      title\n      created_at\n      user {\n        id\n        display_name\n        email\n      }\n    }\n  }\n": typeof types.MembersDocument,
    "\n  mutation ChangeMemberRole($membershipId: uuid!, $role: String!) {\n    changeMemberRole(membership_id: $membershipId, role: $role) {\n      ok\n    }\n  }\n": typeof types.ChangeMemberRoleDocument,
    "\n  mutation RemoveMember($membershipId: uuid!) {\n    removeMember(membership_id: $membershipId) {\n      ok\n    }\n  }\n": typeof types.RemoveMemberDocument,
    "\n  query OrgSettings($orgId: uuid!) {\n    orgs_by_pk(id: $orgId) {\n      id\n      name\n      slug\n      timezone\n      locale\n      plan\n    }\n  }\n": typeof types.OrgSettingsDocument,
    "\n  mutation UpdateOrg($orgId: uuid!, $name: String!, $timezone: String!, $locale: String!) {\n    update_orgs_by_pk(pk_columns: { id: $orgId }, _set: { name: $name, timezone: $timezone, locale: $locale }) {\n      id\n      name\n    }\n  }\n": typeof types.UpdateOrgDocument,
    "\n  query Webhooks {\n    webhook_subscriptions(order_by: { created_at: desc }) {\n      id\n      url\n      description\n      event_types\n      enabled\n      consecutive_failures\n      disabled_reason\n      created_at\n    }\n  }\n": typeof types.WebhooksDocument,
    "\n  query WebhookDeliveries($subscriptionId: uuid!) {\n    webhook_deliveries(where: { subscription_id: { _eq: $subscriptionId } }, order_by: { created_at: desc }, limit: 50) {\n      id\n      event_type\n      status\n      attempts\n      response_code\n      error\n      created_at\n      last_attempt_at\n    }\n  }\n": typeof types.WebhookDeliveriesDocument,
    "\n  mutation CreateWebhook($url: String!, $eventTypes: [String!]!, $description: String) {\n    createWebhook(url: $url, event_types: $eventTypes, description: $description) {\n      id\n      secret\n    }\n  }\n": typeof types.CreateWebhookDocument,
    "\n  mutation SetWebhookEnabled($id: uuid!, $enabled: Boolean!) {\n    update_webhook_subscriptions_by_pk(pk_columns: { id: $id }, _set: { enabled: $enabled }) {\n      id\n      enabled\n    }\n  }\n": typeof types.SetWebhookEnabledDocument,
    "\n  mutation DeleteWebhook($id: uuid!) {\n    delete_webhook_subscriptions_by_pk(id: $id) {\n      id\n    }\n  }\n": typeof types.DeleteWebhookDocument,
    "\n  mutation TestWebhook($subscriptionId: uuid!) {\n    testWebhook(subscription_id: $subscriptionId) {\n      delivery_id\n      status\n      response_code\n      error\n    }\n  }\n": typeof types.TestWebhookDocument,
    "\n  mutation RedeliverWebhook($deliveryId: uuid!) {\n    redeliverWebhook(delivery_id: $deliveryId) {\n      delivery_id\n      status\n      response_code\n      error\n    }\n  }\n": typeof types.RedeliverWebhookDocument,
    "\n  mutation CreateApiKey($name: String!, $scopes: [String!]!, $expiresInDays: Int) {\n    createApiKey(name: $name, scopes: $scopes, expires_in_days: $expiresInDays) {\n      id\n      api_key\n      prefix\n      scopes\n      expires_at\n    }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($apiKeyId: uuid!) {\n    revokeApiKey(api_key_id: $apiKeyId) {\n      ok\n    }\n  }\n": typeof types.RevokeApiKeyDocument,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      mfa_required\n      mfa_token\n      refresh_token\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation ChallengeMfa($mfaToken: String!, $code: String!) {\n    challengeMfa(mfa_token: $mfaToken, code: $code) {\n      mfa_required\n      refresh_token\n    }\n  }\n": typeof types.ChallengeMfaDocument,
    "\n  mutation SignUp($email: String!, $password: String!, $displayName: String!, $orgName: String!) {\n    signUp(email: $email, password: $password, display_name: $displayName, org_name: $orgName) {\n      accepted\n      message\n    }\n  }\n": typeof types.SignUpDocument,
    "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token) {\n      ok\n    }\n  }\n": typeof types.VerifyEmailDocument,
    "\n  mutation AcceptInvitation($token: String!, $password: String!, $displayName: String) {\n    acceptInvitation(token: $token, password: $password, display_name: $displayName) {\n      refresh_token\n    }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email) {\n      accepted\n      message\n    }\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, new_password: $newPassword) {\n      ok\n    }\n  }\n": typeof types.ResetPasswordDocument,
    "\n  fragment TicketSummary on tickets {\n    id\n    number\n    subject\n    status\n    priority\n    first_response_at\n    first_response_due_at\n    resolution_due_at\n    sla_paused_at\n    assignee {\n      id\n      display_name\n    }\n    requester {\n      id\n      display_name\n    }\n    team {\n      id\n      name\n    }\n  }\n": typeof types.TicketSummaryFragmentDoc,
    "\n  subscription Queue {\n    tickets(where: { status: { _nin: [\"resolved\", \"closed\"] }, deleted_at: { _is_null: true } }, order_by: { resolution_due_at: asc_nulls_last }, limit: 200) {\n      ...TicketSummary\n    }\n  }\n": typeof types.QueueDocument,
    "\n  subscription Ticket($ticketId: uuid!) {\n    tickets_by_pk(id: $ticketId) {\n      ...TicketSummary\n      description\n      version\n      merged_into_id\n      assignee_id\n      team_id\n      messages(order_by: { created_at: asc }) {\n        id\n        body\n        visibility\n        from_desk\n        created_at\n        author {\n          id\n          display_name\n        }\n      }\n    }\n  }\n": typeof types.TicketDocument,
    "\n  query TicketRoutingOptions($orgId: uuid!, $userId: uuid!) {\n    org_memberships(where: { org_id: { _eq: $orgId }, role: { _in: [owner, admin, manager, agent] } }, order_by: { user: { display_name: asc } }) {\n      id\n      user {\n        id\n        display_name\n      }\n    }\n    teams(where: { deleted_at: { _is_null: true } }, order_by: { name: asc }) {\n      id\n      name\n    }\n    my_teams: team_members(where: { user_id: { _eq: $userId } }) {\n      team_id\n    }\n  }\n": typeof types.TicketRoutingOptionsDocument,
    "\n  mutation RouteTicket($ticketId: uuid!, $changes: tickets_set_input!) {\n    update_tickets_by_pk(pk_columns: { id: $ticketId }, _set: $changes) {\n      id\n    }\n  }\n": typeof types.RouteTicketDocument,
    "\n  query Macros {\n    ticket_macros(where: { deleted_at: { _is_null: true } }, order_by: { name: asc }) {\n      id\n      name\n    }\n  }\n": typeof types.MacrosDocument,
    "\n  mutation AddTicketMessage($ticketId: uuid!, $body: String!, $visibility: String!) {\n    insert_ticket_messages_one(object: { ticket_id: $ticketId, body: $body, visibility: $visibility }) {\n      id\n    }\n  }\n": typeof types.AddTicketMessageDocument,
    "\n  mutation SetTicketStatus($ticketId: uuid!, $status: String!) {\n    update_tickets_by_pk(pk_columns: { id: $ticketId }, _set: { status: $status }) {\n      id\n      status\n    }\n  }\n": typeof types.SetTicketStatusDocument,
    "\n  mutation ApplyMacro($ticketId: uuid!, $macroId: uuid!) {\n    apply_macro(args: { ticket_id: $ticketId, macro_id: $macroId }) {\n      id\n      status\n    }\n  }\n": typeof types.ApplyMacroDocument,
    "\n  subscription MyRequests($userId: uuid!) {\n    tickets(where: { requester_id: { _eq: $userId }, deleted_at: { _is_null: true } }, order_by: { created_at: desc }) {\n      id\n      number\n      subject\n      status\n      created_at\n    }\n  }\n": typeof types.MyRequestsDocument,
    "\n  mutation RaiseRequest($subject: String!, $description: String) {\n    insert_tickets_one(object: { subject: $subject, description: $description }) {\n      id\n      number\n    }\n  }\n": typeof types.RaiseRequestDocument,
    "\n  subscription Notifications($where: notifications_bool_exp!) {\n    notifications(where: $where, order_by: { created_at: desc }, limit: 100) {\n      id\n      title\n      body\n      event_type\n      read_at\n      created_at\n      actor {\n        display_name\n      }\n    }\n  }\n": typeof types.NotificationsDocument,
    "\n  mutation MarkNotificationRead($id: uuid!, $readAt: timestamptz) {\n    update_notifications_by_pk(pk_columns: { id: $id }, _set: { read_at: $readAt }) {\n      id\n      read_at\n    }\n  }\n": typeof types.MarkNotificationReadDocument,
    "\n  mutation MarkAllNotificationsRead($readAt: timestamptz!) {\n    update_notifications(where: { read_at: { _is_null: true }, archived_at: { _is_null: true } }, _set: { read_at: $readAt }) {\n      affected_rows\n    }\n  }\n": typeof types.MarkAllNotificationsReadDocument,
    "\n  query Viewer($userId: uuid!, $orgId: uuid!) {\n    me: users_by_pk(id: $userId) {\n      id\n      display_name\n      email\n    }\n    orgs(order_by: { name: asc }) {\n      id\n      name\n    }\n    membership: org_memberships(where: { user_id: { _eq: $userId }, org_id: { _eq: $orgId } }) {\n      id\n      role\n    }\n    unread: notifications_aggregate(where: { read_at: { _is_null: true }, archived_at: { _is_null: true } }) {\n      aggregate {\n        count\n      }\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  subscription UnreadCount {\n    notifications_aggregate(where: { read_at: { _is_null: true }, archived_at: { _is_null: true } }) {\n      aggregate {\n        count\n      }\n    }\n  }\n": typeof types.UnreadCountDocument,
    "\n  mutation SwitchOrganization($orgId: uuid!) {\n    switchOrganization(org_id: $orgId) {\n      refresh_token\n    }\n  }\n": typeof types.SwitchOrganizationDocument,
    "\n  query Projects {\n    workspaces(where: { deleted_at: { _is_null: true } }, order_by: { name: asc }) {\n      id\n      name\n      projects(where: { deleted_at: { _is_null: true } }, order_by: { name: asc }) {\n        id\n        key\n        name\n        status\n        boards(where: { deleted_at: { _is_null: true }, view_type: { _eq: \"kanban\" } }, order_by: { position: asc }) {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.ProjectsDocument,
    "\n  subscription Board($boardId: uuid!) {\n    boards_by_pk(id: $boardId) {\n      id\n      name\n      project {\n        id\n        key\n        name\n      }\n      columns(order_by: { position: asc }) {\n        id\n        name\n        wip_limit\n        tasks(where: { deleted_at: { _is_null: true } }, order_by: { position: asc }) {\n          id\n          key\n          title\n          priority\n          due_date\n          is_blocked\n          version\n          assignees {\n            user {\n              id\n              display_name\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.BoardDocument,
    "\n  mutation MoveTask($taskId: uuid!, $columnId: uuid!, $afterTaskId: uuid, $expectedVersion: Int) {\n    move_task(args: { task_id: $taskId, column_id: $columnId, after_task_id: $afterTaskId, expected_version: $expectedVersion }) {\n      id\n      column_id\n      position\n      version\n    }\n  }\n": typeof types.MoveTaskDocument,
    "\n  subscription Task($taskId: uuid!) {\n    tasks_by_pk(id: $taskId) {\n      id\n      key\n      title\n      description\n      status\n      priority\n      start_date\n      due_date\n      is_blocked\n      project {\n        id\n        name\n        members {\n          user {\n            id\n            display_name\n          }\n        }\n      }\n      assignees {\n        user {\n          id\n          display_name\n        }\n      }\n      checklists(order_by: { position: asc }) {\n        id\n        title\n        items(order_by: { position: asc }) {\n          id\n          title\n          done\n        }\n      }\n      comments(where: { deleted_at: { _is_null: true } }, order_by: { created_at: asc }) {\n        id\n        body\n        created_at\n        author {\n          display_name\n        }\n      }\n      activity(order_by: { created_at: asc }) {\n        id\n        verb\n        summary\n        created_at\n        actor {\n          display_name\n        }\n      }\n    }\n  }\n": typeof types.TaskDocument,
    "\n  mutation ToggleChecklistItem($itemId: uuid!, $done: Boolean!) {\n    update_task_checklist_items_by_pk(pk_columns: { id: $itemId }, _set: { done: $done }) {\n      id\n      done\n    }\n  }\n": typeof types.ToggleChecklistItemDocument,
    "\n  mutation CommentOnTask($taskId: uuid!, $body: String!) {\n    insert_comments_one(object: { entity_type: task, entity_id: $taskId, body: $body }) {\n      id\n      mentions\n    }\n  }\n": typeof types.CommentOnTaskDocument,
    "\n  subscription MyWork($userId: uuid!) {\n    tasks(\n      where: { deleted_at: { _is_null: true }, status: { _nin: [\"done\", \"cancelled\"] }, assignees: { user_id: { _eq: $userId } } }\n      order_by: [{ due_date: asc_nulls_last }, { priority: desc }]\n      limit: 200\n    ) {\n      id\n      key\n      title\n      status\n      priority\n      due_date\n      project {\n        name\n      }\n    }\n  }\n": typeof types.MyWorkDocument,
};
const documents: Documents = {
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(current_password: $currentPassword, new_password: $newPassword) {\n      refresh_token\n    }\n  }\n": types.ChangePasswordDocument,
    "\n  mutation SignOutAll {\n    signOutAll {\n      sessions_ended\n    }\n  }\n": types.SignOutAllDocument,
    "\n  mutation EnrollMfa {\n    enrollMfa {\n      secret\n      otpauth_url\n    }\n  }\n": types.EnrollMfaDocument,
    "\n  mutation VerifyMfa($code: String!) {\n    verifyMfa(code: $code) {\n      enabled\n      backup_codes\n    }\n  }\n": types.VerifyMfaDocument,
    "\n  mutation DisableMfa($code: String!) {\n    disableMfa(code: $code) {\n      enabled\n    }\n  }\n": types.DisableMfaDocument,
    "\n  query AuditLog($where: audit_log_bool_exp!, $limit: Int!, $offset: Int!) {\n    audit_log(where: $where, order_by: [{ occurred_at: desc }, { id: desc }], limit: $limit, offset: $offset) {\n      id\n      action\n      table_name\n      row_id\n      changes\n      request_id\n      occurred_at\n      actor {\n        display_name\n        email\n      }\n    }\n  }\n": types.AuditLogDocument,
    "\n  query DeadLetters {\n    deadLetters(limit: 100) {\n      id\n      topic\n      attempts\n      last_error\n      created_at\n      dead_at\n    }\n  }\n": types.DeadLettersDocument,
    "\n  mutation RetryDelivery($eventId: uuid!) {\n    retryDelivery(event_id: $eventId) {\n      event_id\n      status\n    }\n  }\n": types.RetryDeliveryDocument,
    "\n  query Invitations {\n    invitations(order_by: { created_at: desc }, limit: 200) {\n      id\n      email\n      role\n      expires_at\n      accepted_at\n      revoked_at\n      created_at\n      invited_by_user {\n        display_name\n      }\n    }\n  }\n": types.InvitationsDocument,
    "\n  mutation InviteMember($email: String!, $role: String, $message: String) {\n    inviteMember(email: $email, role: $role, message: $message) {\n      invitation_id\n      expires_at\n    }\n  }\n": types.InviteMemberDocument,
    "\n  mutation RevokeInvitation($invitationId: uuid!) {\n    revokeInvitation(invitation_id: $invitationId) {\n      ok\n    }\n  }\n": types.RevokeInvitationDocument,
    "\n  mutation ResendInvitation($invitationId: uuid!) {\n    resendInvitation(invitation_id: $invitationId) {\n      invitation_id\n      expires_at\n    }\n  }\n": types.ResendInvitationDocument,
    "\n  query Mailbox {\n    email_log(order_by: { created_at: desc }, limit: 200) {\n      id\n      to_address\n      subject\n      template_key\n      status\n      provider\n      created_at\n      sent_at\n      error\n    }\n  }\n": types.MailboxDocument,
    "\n  query MailboxMessage($id: uuid!) {\n    email_log_by_pk(id: $id) {\n      id\n      to_address\n      subject\n      status\n      provider\n      template_key\n      created_at\n      sent_at\n      error\n      html_body\n      text_body\n    }\n  }\n": types.MailboxMessageDocument,
    "\n  query Members($orgId: uuid!) {\n    org_memberships(where: { org_id: { _eq: $orgId } }, order_by: { created_at: asc }) {\n      id\n      role\n      title\n      created_at\n      user {\n        id\n        display_name\n        email\n      }\n    }\n  }\n": types.MembersDocument,
    "\n  mutation ChangeMemberRole($membershipId: uuid!, $role: String!) {\n    changeMemberRole(membership_id: $membershipId, role: $role) {\n      ok\n    }\n  }\n": types.ChangeMemberRoleDocument,
    "\n  mutation RemoveMember($membershipId: uuid!) {\n    removeMember(membership_id: $membershipId) {\n      ok\n    }\n  }\n": types.RemoveMemberDocument,
    "\n  query OrgSettings($orgId: uuid!) {\n    orgs_by_pk(id: $orgId) {\n      id\n      name\n      slug\n      timezone\n      locale\n      plan\n    }\n  }\n": types.OrgSettingsDocument,
    "\n  mutation UpdateOrg($orgId: uuid!, $name: String!, $timezone: String!, $locale: String!) {\n    update_orgs_by_pk(pk_columns: { id: $orgId }, _set: { name: $name, timezone: $timezone, locale: $locale }) {\n      id\n      name\n    }\n  }\n": types.UpdateOrgDocument,
    "\n  query Webhooks {\n    webhook_subscriptions(order_by: { created_at: desc }) {\n      id\n      url\n      description\n      event_types\n      enabled\n      consecutive_failures\n      disabled_reason\n      created_at\n    }\n  }\n": types.WebhooksDocument,
    "\n  query WebhookDeliveries($subscriptionId: uuid!) {\n    webhook_deliveries(where: { subscription_id: { _eq: $subscriptionId } }, order_by: { created_at: desc }, limit: 50) {\n      id\n      event_type\n      status\n      attempts\n      response_code\n      error\n      created_at\n      last_attempt_at\n    }\n  }\n": types.WebhookDeliveriesDocument,
    "\n  mutation CreateWebhook($url: String!, $eventTypes: [String!]!, $description: String) {\n    createWebhook(url: $url, event_types: $eventTypes, description: $description) {\n      id\n      secret\n    }\n  }\n": types.CreateWebhookDocument,
    "\n  mutation SetWebhookEnabled($id: uuid!, $enabled: Boolean!) {\n    update_webhook_subscriptions_by_pk(pk_columns: { id: $id }, _set: { enabled: $enabled }) {\n      id\n      enabled\n    }\n  }\n": types.SetWebhookEnabledDocument,
    "\n  mutation DeleteWebhook($id: uuid!) {\n    delete_webhook_subscriptions_by_pk(id: $id) {\n      id\n    }\n  }\n": types.DeleteWebhookDocument,
    "\n  mutation TestWebhook($subscriptionId: uuid!) {\n    testWebhook(subscription_id: $subscriptionId) {\n      delivery_id\n      status\n      response_code\n      error\n    }\n  }\n": types.TestWebhookDocument,
    "\n  mutation RedeliverWebhook($deliveryId: uuid!) {\n    redeliverWebhook(delivery_id: $deliveryId) {\n      delivery_id\n      status\n      response_code\n      error\n    }\n  }\n": types.RedeliverWebhookDocument,
    "\n  mutation CreateApiKey($name: String!, $scopes: [String!]!, $expiresInDays: Int) {\n    createApiKey(name: $name, scopes: $scopes, expires_in_days: $expiresInDays) {\n      id\n      api_key\n      prefix\n      scopes\n      expires_at\n    }\n  }\n": types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($apiKeyId: uuid!) {\n    revokeApiKey(api_key_id: $apiKeyId) {\n      ok\n    }\n  }\n": types.RevokeApiKeyDocument,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      mfa_required\n      mfa_token\n      refresh_token\n    }\n  }\n": types.SignInDocument,
    "\n  mutation ChallengeMfa($mfaToken: String!, $code: String!) {\n    challengeMfa(mfa_token: $mfaToken, code: $code) {\n      mfa_required\n      refresh_token\n    }\n  }\n": types.ChallengeMfaDocument,
    "\n  mutation SignUp($email: String!, $password: String!, $displayName: String!, $orgName: String!) {\n    signUp(email: $email, password: $password, display_name: $displayName, org_name: $orgName) {\n      accepted\n      message\n    }\n  }\n": types.SignUpDocument,
    "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token) {\n      ok\n    }\n  }\n": types.VerifyEmailDocument,
    "\n  mutation AcceptInvitation($token: String!, $password: String!, $displayName: String) {\n    acceptInvitation(token: $token, password: $password, display_name: $displayName) {\n      refresh_token\n    }\n  }\n": types.AcceptInvitationDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email) {\n      accepted\n      message\n    }\n  }\n": types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, new_password: $newPassword) {\n      ok\n    }\n  }\n": types.ResetPasswordDocument,
    "\n  fragment TicketSummary on tickets {\n    id\n    number\n    subject\n    status\n    priority\n    first_response_at\n    first_response_due_at\n    resolution_due_at\n    sla_paused_at\n    assignee {\n      id\n      display_name\n    }\n    requester {\n      id\n      display_name\n    }\n    team {\n      id\n      name\n    }\n  }\n": types.TicketSummaryFragmentDoc,
    "\n  subscription Queue {\n    tickets(where: { status: { _nin: [\"resolved\", \"closed\"] }, deleted_at: { _is_null: true } }, order_by: { resolution_due_at: asc_nulls_last }, limit: 200) {\n      ...TicketSummary\n    }\n  }\n": types.QueueDocument,
    "\n  subscription Ticket($ticketId: uuid!) {\n    tickets_by_pk(id: $ticketId) {\n      ...TicketSummary\n      description\n      version\n      merged_into_id\n      assignee_id\n      team_id\n      messages(order_by: { created_at: asc }) {\n        id\n        body\n        visibility\n        from_desk\n        created_at\n        author {\n          id\n          display_name\n        }\n      }\n    }\n  }\n": types.TicketDocument,
    "\n  query TicketRoutingOptions($orgId: uuid!, $userId: uuid!) {\n    org_memberships(where: { org_id: { _eq: $orgId }, role: { _in: [owner, admin, manager, agent] } }, order_by: { user: { display_name: asc } }) {\n      id\n      user {\n        id\n        display_name\n      }\n    }\n    teams(where: { deleted_at: { _is_null: true } }, order_by: { name: asc }) {\n      id\n      name\n    }\n    my_teams: team_members(where: { user_id: { _eq: $userId } }) {\n      team_id\n    }\n  }\n": types.TicketRoutingOptionsDocument,
    "\n  mutation RouteTicket($ticketId: uuid!, $changes: tickets_set_input!) {\n    update_tickets_by_pk(pk_columns: { id: $ticketId }, _set: $changes) {\n      id\n    }\n  }\n": types.RouteTicketDocument,
    "\n  query Macros {\n    ticket_macros(where: { deleted_at: { _is_null: true } }, order_by: { name: asc }) {\n      id\n      name\n    }\n  }\n": types.MacrosDocument,
    "\n  mutation AddTicketMessage($ticketId: uuid!, $body: String!, $visibility: String!) {\n    insert_ticket_messages_one(object: { ticket_id: $ticketId, body: $body, visibility: $visibility }) {\n      id\n    }\n  }\n": types.AddTicketMessageDocument,
    "\n  mutation SetTicketStatus($ticketId: uuid!, $status: String!) {\n    update_tickets_by_pk(pk_columns: { id: $ticketId }, _set: { status: $status }) {\n      id\n      status\n    }\n  }\n": types.SetTicketStatusDocument,
    "\n  mutation ApplyMacro($ticketId: uuid!, $macroId: uuid!) {\n    apply_macro(args: { ticket_id: $ticketId, macro_id: $macroId }) {\n      id\n      status\n    }\n  }\n": types.ApplyMacroDocument,
    "\n  subscription MyRequests($userId: uuid!) {\n    tickets(where: { requester_id: { _eq: $userId }, deleted_at: { _is_null: true } }, order_by: { created_at: desc }) {\n      id\n      number\n      subject\n      status\n      created_at\n    }\n  }\n": types.MyRequestsDocument,
    "\n  mutation RaiseRequest($subject: String!, $description: String) {\n    insert_tickets_one(object: { subject: $subject, description: $description }) {\n      id\n      number\n    }\n  }\n": types.RaiseRequestDocument,
    "\n  subscription Notifications($where: notifications_bool_exp!) {\n    notifications(where: $where, order_by: { created_at: desc }, limit: 100) {\n      id\n      title\n      body\n      event_type\n      read_at\n      created_at\n      actor {\n        display_name\n      }\n    }\n  }\n": types.NotificationsDocument,
    "\n  mutation MarkNotificationRead($id: uuid!, $readAt: timestamptz) {\n    update_notifications_by_pk(pk_columns: { id: $id }, _set: { read_at: $readAt }) {\n      id\n      read_at\n    }\n  }\n": types.MarkNotificationReadDocument,
    "\n  mutation MarkAllNotificationsRead($readAt: timestamptz!) {\n    update_notifications(where: { read_at: { _is_null: true }, archived_at: { _is_null: true } }, _set: { read_at: $readAt }) {\n      affected_rows\n    }\n  }\n": types.MarkAllNotificationsReadDocument,
    "\n  query Viewer($userId: uuid!, $orgId: uuid!) {\n    me: users_by_pk(id: $userId) {\n      id\n      display_name\n      email\n    }\n    orgs(order_by: { name: asc }) {\n      id\n      name\n    }\n    membership: org_memberships(where: { user_id: { _eq: $userId }, org_id: { _eq: $orgId } }) {\n      id\n      role\n    }\n    unread: notifications_aggregate(where: { read_at: { _is_null: true }, archived_at: { _is_null: true } }) {\n      aggregate {\n        count\n      }\n    }\n  }\n": types.ViewerDocument,
    "\n  subscription UnreadCount {\n    notifications_aggregate(where: { read_at: { _is_null: true }, archived_at: { _is_null: true } }) {\n      aggregate {\n        count\n      }\n    }\n  }\n": types.UnreadCountDocument,
    "\n  mutation SwitchOrganization($orgId: uuid!) {\n    switchOrganization(org_id: $orgId) {\n      refresh_token\n    }\n  }\n": types.SwitchOrganizationDocument,
    "\n  query Projects {\n    workspaces(where: { deleted_at: { _is_null: true } }, order_by: { name: asc }) {\n      id\n      name\n      projects(where: { deleted_at: { _is_null: true } }, order_by: { name: asc }) {\n        id\n        key\n        name\n        status\n        boards(where: { deleted_at: { _is_null: true }, view_type: { _eq: \"kanban\" } }, order_by: { position: asc }) {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.ProjectsDocument,
    "\n  subscription Board($boardId: uuid!) {\n    boards_by_pk(id: $boardId) {\n      id\n      name\n      project {\n        id\n        key\n        name\n      }\n      columns(order_by: { position: asc }) {\n        id\n        name\n        wip_limit\n        tasks(where: { deleted_at: { _is_null: true } }, order_by: { position: asc }) {\n          id\n          key\n          title\n          priority\n          due_date\n          is_blocked\n          version\n          assignees {\n            user {\n              id\n              display_name\n            }\n          }\n        }\n      }\n    }\n  }\n": types.BoardDocument,
    "\n  mutation MoveTask($taskId: uuid!, $columnId: uuid!, $afterTaskId: uuid, $expectedVersion: Int) {\n    move_task(args: { task_id: $taskId, column_id: $columnId, after_task_id: $afterTaskId, expected_version: $expectedVersion }) {\n      id\n      column_id\n      position\n      version\n    }\n  }\n": types.MoveTaskDocument,
    "\n  subscription Task($taskId: uuid!) {\n    tasks_by_pk(id: $taskId) {\n      id\n      key\n      title\n      description\n      status\n      priority\n      start_date\n      due_date\n      is_blocked\n      project {\n        id\n        name\n        members {\n          user {\n            id\n            display_name\n          }\n        }\n      }\n      assignees {\n        user {\n          id\n          display_name\n        }\n      }\n      checklists(order_by: { position: asc }) {\n        id\n        title\n        items(order_by: { position: asc }) {\n          id\n          title\n          done\n        }\n      }\n      comments(where: { deleted_at: { _is_null: true } }, order_by: { created_at: asc }) {\n        id\n        body\n        created_at\n        author {\n          display_name\n        }\n      }\n      activity(order_by: { created_at: asc }) {\n        id\n        verb\n        summary\n        created_at\n        actor {\n          display_name\n        }\n      }\n    }\n  }\n": types.TaskDocument,
    "\n  mutation ToggleChecklistItem($itemId: uuid!, $done: Boolean!) {\n    update_task_checklist_items_by_pk(pk_columns: { id: $itemId }, _set: { done: $done }) {\n      id\n      done\n    }\n  }\n": types.ToggleChecklistItemDocument,
    "\n  mutation CommentOnTask($taskId: uuid!, $body: String!) {\n    insert_comments_one(object: { entity_type: task, entity_id: $taskId, body: $body }) {\n      id\n      mentions\n    }\n  }\n": types.CommentOnTaskDocument,
    "\n  subscription MyWork($userId: uuid!) {\n    tasks(\n      where: { deleted_at: { _is_null: true }, status: { _nin: [\"done\", \"cancelled\"] }, assignees: { user_id: { _eq: $userId } } }\n      order_by: [{ due_date: asc_nulls_last }, { priority: desc }]\n      limit: 200\n    ) {\n      id\n      key\n      title\n      status\n      priority\n      due_date\n      project {\n        name\n      }\n    }\n  }\n": types.MyWorkDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(current_password: $currentPassword, new_password: $newPassword) {\n      refresh_token\n    }\n  }\n"): (typeof documents)["\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(current_password: $currentPassword, new_password: $newPassword) {\n      refresh_token\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOutAll {\n    signOutAll {\n      sessions_ended\n    }\n  }\n"): (typeof documents)["\n  mutation SignOutAll {\n    signOutAll {\n      sessions_ended\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EnrollMfa {\n    enrollMfa {\n      secret\n      otpauth_url\n    }\n  }\n"): (typeof documents)["\n  mutation EnrollMfa {\n    enrollMfa {\n      secret\n      otpauth_url\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyMfa($code: String!) {\n    verifyMfa(code: $code) {\n      enabled\n      backup_codes\n    }\n  }\n"): (typeof documents)["\n  mutation VerifyMfa($code: String!) {\n    verifyMfa(code: $code) {\n      enabled\n      backup_codes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisableMfa($code: String!) {\n    disableMfa(code: $code) {\n      enabled\n    }\n  }\n"): (typeof documents)["\n  mutation DisableMfa($code: String!) {\n    disableMfa(code: $code) {\n      enabled\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLog($where: audit_log_bool_exp!, $limit: Int!, $offset: Int!) {\n    audit_log(where: $where, order_by: [{ occurred_at: desc }, { id: desc }], limit: $limit, offset: $offset) {\n      id\n      action\n      table_name\n      row_id\n      changes\n      request_id\n      occurred_at\n      actor {\n        display_name\n        email\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditLog($where: audit_log_bool_exp!, $limit: Int!, $offset: Int!) {\n    audit_log(where: $where, order_by: [{ occurred_at: desc }, { id: desc }], limit: $limit, offset: $offset) {\n      id\n      action\n      table_name\n      row_id\n      changes\n      request_id\n      occurred_at\n      actor {\n        display_name\n        email\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeadLetters {\n    deadLetters(limit: 100) {\n      id\n      topic\n      attempts\n      last_error\n      created_at\n      dead_at\n    }\n  }\n"): (typeof documents)["\n  query DeadLetters {\n    deadLetters(limit: 100) {\n      id\n      topic\n      attempts\n      last_error\n      created_at\n      dead_at\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetryDelivery($eventId: uuid!) {\n    retryDelivery(event_id: $eventId) {\n      event_id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation RetryDelivery($eventId: uuid!) {\n    retryDelivery(event_id: $eventId) {\n      event_id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Invitations {\n    invitations(order_by: { created_at: desc }, limit: 200) {\n      id\n      email\n      role\n      expires_at\n      accepted_at\n      revoked_at\n      created_at\n      invited_by_user {\n        display_name\n      }\n    }\n  }\n"): (typeof documents)["\n  query Invitations {\n    invitations(order_by: { created_at: desc }, limit: 200) {\n      id\n      email\n      role\n      expires_at\n      accepted_at\n      revoked_at\n      created_at\n      invited_by_user {\n        display_name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteMember($email: String!, $role: String, $message: String) {\n    inviteMember(email: $email, role: $role, message: $message) {\n      invitation_id\n      expires_at\n    }\n  }\n"): (typeof documents)["\n  mutation InviteMember($email: String!, $role: String, $message: String) {\n    inviteMember(email: $email, role: $role, message: $message) {\n      invitation_id\n      expires_at\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeInvitation($invitationId: uuid!) {\n    revokeInvitation(invitation_id: $invitationId) {\n      ok\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeInvitation($invitationId: uuid!) {\n    revokeInvitation(invitation_id: $invitationId) {\n      ok\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResendInvitation($invitationId: uuid!) {\n    resendInvitation(invitation_id: $invitationId) {\n      invitation_id\n      expires_at\n    }\n  }\n"): (typeof documents)["\n  mutation ResendInvitation($invitationId: uuid!) {\n    resendInvitation(invitation_id: $invitationId) {\n      invitation_id\n      expires_at\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Mailbox {\n    email_log(order_by: { created_at: desc }, limit: 200) {\n      id\n      to_address\n      subject\n      template_key\n      status\n      provider\n      created_at\n      sent_at\n      error\n    }\n  }\n"): (typeof documents)["\n  query Mailbox {\n    email_log(order_by: { created_at: desc }, limit: 200) {\n      id\n      to_address\n      subject\n      template_key\n      status\n      provider\n      created_at\n      sent_at\n      error\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MailboxMessage($id: uuid!) {\n    email_log_by_pk(id: $id) {\n      id\n      to_address\n      subject\n      status\n      provider\n      template_key\n      created_at\n      sent_at\n      error\n      html_body\n      text_body\n    }\n  }\n"): (typeof documents)["\n  query MailboxMessage($id: uuid!) {\n    email_log_by_pk(id: $id) {\n      id\n      to_address\n      subject\n      status\n      provider\n      template_key\n      created_at\n      sent_at\n      error\n      html_body\n      text_body\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Members($orgId: uuid!) {\n    org_memberships(where: { org_id: { _eq: $orgId } }, order_by: { created_at: asc }) {\n      id\n      role\n      title\n      created_at\n      user {\n        id\n        display_name\n        email\n      }\n    }\n  }\n"): (typeof documents)["\n  query Members($orgId: uuid!) {\n    org_memberships(where: { org_id: { _eq: $orgId } }, order_by: { created_at: asc }) {\n      id\n      role\n      title\n      created_at\n      user {\n        id\n        display_name\n        email\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeMemberRole($membershipId: uuid!, $role: String!) {\n    changeMemberRole(membership_id: $membershipId, role: $role) {\n      ok\n    }\n  }\n"): (typeof documents)["\n  mutation ChangeMemberRole($membershipId: uuid!, $role: String!) {\n    changeMemberRole(membership_id: $membershipId, role: $role) {\n      ok\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveMember($membershipId: uuid!) {\n    removeMember(membership_id: $membershipId) {\n      ok\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveMember($membershipId: uuid!) {\n    removeMember(membership_id: $membershipId) {\n      ok\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrgSettings($orgId: uuid!) {\n    orgs_by_pk(id: $orgId) {\n      id\n      name\n      slug\n      timezone\n      locale\n      plan\n    }\n  }\n"): (typeof documents)["\n  query OrgSettings($orgId: uuid!) {\n    orgs_by_pk(id: $orgId) {\n      id\n      name\n      slug\n      timezone\n      locale\n      plan\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateOrg($orgId: uuid!, $name: String!, $timezone: String!, $locale: String!) {\n    update_orgs_by_pk(pk_columns: { id: $orgId }, _set: { name: $name, timezone: $timezone, locale: $locale }) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateOrg($orgId: uuid!, $name: String!, $timezone: String!, $locale: String!) {\n    update_orgs_by_pk(pk_columns: { id: $orgId }, _set: { name: $name, timezone: $timezone, locale: $locale }) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Webhooks {\n    webhook_subscriptions(order_by: { created_at: desc }) {\n      id\n      url\n      description\n      event_types\n      enabled\n      consecutive_failures\n      disabled_reason\n      created_at\n    }\n  }\n"): (typeof documents)["\n  query Webhooks {\n    webhook_subscriptions(order_by: { created_at: desc }) {\n      id\n      url\n      description\n      event_types\n      enabled\n      consecutive_failures\n      disabled_reason\n      created_at\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookDeliveries($subscriptionId: uuid!) {\n    webhook_deliveries(where: { subscription_id: { _eq: $subscriptionId } }, order_by: { created_at: desc }, limit: 50) {\n      id\n      event_type\n      status\n      attempts\n      response_code\n      error\n      created_at\n      last_attempt_at\n    }\n  }\n"): (typeof documents)["\n  query WebhookDeliveries($subscriptionId: uuid!) {\n    webhook_deliveries(where: { subscription_id: { _eq: $subscriptionId } }, order_by: { created_at: desc }, limit: 50) {\n      id\n      event_type\n      status\n      attempts\n      response_code\n      error\n      created_at\n      last_attempt_at\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWebhook($url: String!, $eventTypes: [String!]!, $description: String) {\n    createWebhook(url: $url, event_types: $eventTypes, description: $description) {\n      id\n      secret\n    }\n  }\n"): (typeof documents)["\n  mutation CreateWebhook($url: String!, $eventTypes: [String!]!, $description: String) {\n    createWebhook(url: $url, event_types: $eventTypes, description: $description) {\n      id\n      secret\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetWebhookEnabled($id: uuid!, $enabled: Boolean!) {\n    update_webhook_subscriptions_by_pk(pk_columns: { id: $id }, _set: { enabled: $enabled }) {\n      id\n      enabled\n    }\n  }\n"): (typeof documents)["\n  mutation SetWebhookEnabled($id: uuid!, $enabled: Boolean!) {\n    update_webhook_subscriptions_by_pk(pk_columns: { id: $id }, _set: { enabled: $enabled }) {\n      id\n      enabled\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteWebhook($id: uuid!) {\n    delete_webhook_subscriptions_by_pk(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteWebhook($id: uuid!) {\n    delete_webhook_subscriptions_by_pk(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestWebhook($subscriptionId: uuid!) {\n    testWebhook(subscription_id: $subscriptionId) {\n      delivery_id\n      status\n      response_code\n      error\n    }\n  }\n"): (typeof documents)["\n  mutation TestWebhook($subscriptionId: uuid!) {\n    testWebhook(subscription_id: $subscriptionId) {\n      delivery_id\n      status\n      response_code\n      error\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RedeliverWebhook($deliveryId: uuid!) {\n    redeliverWebhook(delivery_id: $deliveryId) {\n      delivery_id\n      status\n      response_code\n      error\n    }\n  }\n"): (typeof documents)["\n  mutation RedeliverWebhook($deliveryId: uuid!) {\n    redeliverWebhook(delivery_id: $deliveryId) {\n      delivery_id\n      status\n      response_code\n      error\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($name: String!, $scopes: [String!]!, $expiresInDays: Int) {\n    createApiKey(name: $name, scopes: $scopes, expires_in_days: $expiresInDays) {\n      id\n      api_key\n      prefix\n      scopes\n      expires_at\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiKey($name: String!, $scopes: [String!]!, $expiresInDays: Int) {\n    createApiKey(name: $name, scopes: $scopes, expires_in_days: $expiresInDays) {\n      id\n      api_key\n      prefix\n      scopes\n      expires_at\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($apiKeyId: uuid!) {\n    revokeApiKey(api_key_id: $apiKeyId) {\n      ok\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeApiKey($apiKeyId: uuid!) {\n    revokeApiKey(api_key_id: $apiKeyId) {\n      ok\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      mfa_required\n      mfa_token\n      refresh_token\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      mfa_required\n      mfa_token\n      refresh_token\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChallengeMfa($mfaToken: String!, $code: String!) {\n    challengeMfa(mfa_token: $mfaToken, code: $code) {\n      mfa_required\n      refresh_token\n    }\n  }\n"): (typeof documents)["\n  mutation ChallengeMfa($mfaToken: String!, $code: String!) {\n    challengeMfa(mfa_token: $mfaToken, code: $code) {\n      mfa_required\n      refresh_token\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUp($email: String!, $password: String!, $displayName: String!, $orgName: String!) {\n    signUp(email: $email, password: $password, display_name: $displayName, org_name: $orgName) {\n      accepted\n      message\n    }\n  }\n"): (typeof documents)["\n  mutation SignUp($email: String!, $password: String!, $displayName: String!, $orgName: String!) {\n    signUp(email: $email, password: $password, display_name: $displayName, org_name: $orgName) {\n      accepted\n      message\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token) {\n      ok\n    }\n  }\n"): (typeof documents)["\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token) {\n      ok\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($token: String!, $password: String!, $displayName: String) {\n    acceptInvitation(token: $token, password: $password, display_name: $displayName) {\n      refresh_token\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptInvitation($token: String!, $password: String!, $displayName: String) {\n    acceptInvitation(token: $token, password: $password, display_name: $displayName) {\n      refresh_token\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email) {\n      accepted\n      message\n    }\n  }\n"): (typeof documents)["\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email) {\n      accepted\n      message\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, new_password: $newPassword) {\n      ok\n    }\n  }\n"): (typeof documents)["\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, new_password: $newPassword) {\n      ok\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TicketSummary on tickets {\n    id\n    number\n    subject\n    status\n    priority\n    first_response_at\n    first_response_due_at\n    resolution_due_at\n    sla_paused_at\n    assignee {\n      id\n      display_name\n    }\n    requester {\n      id\n      display_name\n    }\n    team {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment TicketSummary on tickets {\n    id\n    number\n    subject\n    status\n    priority\n    first_response_at\n    first_response_due_at\n    resolution_due_at\n    sla_paused_at\n    assignee {\n      id\n      display_name\n    }\n    requester {\n      id\n      display_name\n    }\n    team {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription Queue {\n    tickets(where: { status: { _nin: [\"resolved\", \"closed\"] }, deleted_at: { _is_null: true } }, order_by: { resolution_due_at: asc_nulls_last }, limit: 200) {\n      ...TicketSummary\n    }\n  }\n"): (typeof documents)["\n  subscription Queue {\n    tickets(where: { status: { _nin: [\"resolved\", \"closed\"] }, deleted_at: { _is_null: true } }, order_by: { resolution_due_at: asc_nulls_last }, limit: 200) {\n      ...TicketSummary\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription Ticket($ticketId: uuid!) {\n    tickets_by_pk(id: $ticketId) {\n      ...TicketSummary\n      description\n      version\n      merged_into_id\n      assignee_id\n      team_id\n      messages(order_by: { created_at: asc }) {\n        id\n        body\n        visibility\n        from_desk\n        created_at\n        author {\n          id\n          display_name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription Ticket($ticketId: uuid!) {\n    tickets_by_pk(id: $ticketId) {\n      ...TicketSummary\n      description\n      version\n      merged_into_id\n      assignee_id\n      team_id\n      messages(order_by: { created_at: asc }) {\n        id\n        body\n        visibility\n        from_desk\n        created_at\n        author {\n          id\n          display_name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TicketRoutingOptions($orgId: uuid!, $userId: uuid!) {\n    org_memberships(where: { org_id: { _eq: $orgId }, role: { _in: [owner, admin, manager, agent] } }, order_by: { user: { display_name: asc } }) {\n      id\n      user {\n        id\n        display_name\n      }\n    }\n    teams(where: { deleted_at: { _is_null: true } }, order_by: { name: asc }) {\n      id\n      name\n    }\n    my_teams: team_members(where: { user_id: { _eq: $userId } }) {\n      team_id\n    }\n  }\n"): (typeof documents)["\n  query TicketRoutingOptions($orgId: uuid!, $userId: uuid!) {\n    org_memberships(where: { org_id: { _eq: $orgId }, role: { _in: [owner, admin, manager, agent] } }, order_by: { user: { display_name: asc } }) {\n      id\n      user {\n        id\n        display_name\n      }\n    }\n    teams(where: { deleted_at: { _is_null: true } }, order_by: { name: asc }) {\n      id\n      name\n    }\n    my_teams: team_members(where: { user_id: { _eq: $userId } }) {\n      team_id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RouteTicket($ticketId: uuid!, $changes: tickets_set_input!) {\n    update_tickets_by_pk(pk_columns: { id: $ticketId }, _set: $changes) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation RouteTicket($ticketId: uuid!, $changes: tickets_set_input!) {\n    update_tickets_by_pk(pk_columns: { id: $ticketId }, _set: $changes) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Macros {\n    ticket_macros(where: { deleted_at: { _is_null: true } }, order_by: { name: asc }) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query Macros {\n    ticket_macros(where: { deleted_at: { _is_null: true } }, order_by: { name: asc }) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddTicketMessage($ticketId: uuid!, $body: String!, $visibility: String!) {\n    insert_ticket_messages_one(object: { ticket_id: $ticketId, body: $body, visibility: $visibility }) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AddTicketMessage($ticketId: uuid!, $body: String!, $visibility: String!) {\n    insert_ticket_messages_one(object: { ticket_id: $ticketId, body: $body, visibility: $visibility }) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetTicketStatus($ticketId: uuid!, $status: String!) {\n    update_tickets_by_pk(pk_columns: { id: $ticketId }, _set: { status: $status }) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation SetTicketStatus($ticketId: uuid!, $status: String!) {\n    update_tickets_by_pk(pk_columns: { id: $ticketId }, _set: { status: $status }) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApplyMacro($ticketId: uuid!, $macroId: uuid!) {\n    apply_macro(args: { ticket_id: $ticketId, macro_id: $macroId }) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation ApplyMacro($ticketId: uuid!, $macroId: uuid!) {\n    apply_macro(args: { ticket_id: $ticketId, macro_id: $macroId }) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MyRequests($userId: uuid!) {\n    tickets(where: { requester_id: { _eq: $userId }, deleted_at: { _is_null: true } }, order_by: { created_at: desc }) {\n      id\n      number\n      subject\n      status\n      created_at\n    }\n  }\n"): (typeof documents)["\n  subscription MyRequests($userId: uuid!) {\n    tickets(where: { requester_id: { _eq: $userId }, deleted_at: { _is_null: true } }, order_by: { created_at: desc }) {\n      id\n      number\n      subject\n      status\n      created_at\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RaiseRequest($subject: String!, $description: String) {\n    insert_tickets_one(object: { subject: $subject, description: $description }) {\n      id\n      number\n    }\n  }\n"): (typeof documents)["\n  mutation RaiseRequest($subject: String!, $description: String) {\n    insert_tickets_one(object: { subject: $subject, description: $description }) {\n      id\n      number\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription Notifications($where: notifications_bool_exp!) {\n    notifications(where: $where, order_by: { created_at: desc }, limit: 100) {\n      id\n      title\n      body\n      event_type\n      read_at\n      created_at\n      actor {\n        display_name\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription Notifications($where: notifications_bool_exp!) {\n    notifications(where: $where, order_by: { created_at: desc }, limit: 100) {\n      id\n      title\n      body\n      event_type\n      read_at\n      created_at\n      actor {\n        display_name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationRead($id: uuid!, $readAt: timestamptz) {\n    update_notifications_by_pk(pk_columns: { id: $id }, _set: { read_at: $readAt }) {\n      id\n      read_at\n    }\n  }\n"): (typeof documents)["\n  mutation MarkNotificationRead($id: uuid!, $readAt: timestamptz) {\n    update_notifications_by_pk(pk_columns: { id: $id }, _set: { read_at: $readAt }) {\n      id\n      read_at\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkAllNotificationsRead($readAt: timestamptz!) {\n    update_notifications(where: { read_at: { _is_null: true }, archived_at: { _is_null: true } }, _set: { read_at: $readAt }) {\n      affected_rows\n    }\n  }\n"): (typeof documents)["\n  mutation MarkAllNotificationsRead($readAt: timestamptz!) {\n    update_notifications(where: { read_at: { _is_null: true }, archived_at: { _is_null: true } }, _set: { read_at: $readAt }) {\n      affected_rows\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer($userId: uuid!, $orgId: uuid!) {\n    me: users_by_pk(id: $userId) {\n      id\n      display_name\n      email\n    }\n    orgs(order_by: { name: asc }) {\n      id\n      name\n    }\n    membership: org_memberships(where: { user_id: { _eq: $userId }, org_id: { _eq: $orgId } }) {\n      id\n      role\n    }\n    unread: notifications_aggregate(where: { read_at: { _is_null: true }, archived_at: { _is_null: true } }) {\n      aggregate {\n        count\n      }\n    }\n  }\n"): (typeof documents)["\n  query Viewer($userId: uuid!, $orgId: uuid!) {\n    me: users_by_pk(id: $userId) {\n      id\n      display_name\n      email\n    }\n    orgs(order_by: { name: asc }) {\n      id\n      name\n    }\n    membership: org_memberships(where: { user_id: { _eq: $userId }, org_id: { _eq: $orgId } }) {\n      id\n      role\n    }\n    unread: notifications_aggregate(where: { read_at: { _is_null: true }, archived_at: { _is_null: true } }) {\n      aggregate {\n        count\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription UnreadCount {\n    notifications_aggregate(where: { read_at: { _is_null: true }, archived_at: { _is_null: true } }) {\n      aggregate {\n        count\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription UnreadCount {\n    notifications_aggregate(where: { read_at: { _is_null: true }, archived_at: { _is_null: true } }) {\n      aggregate {\n        count\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SwitchOrganization($orgId: uuid!) {\n    switchOrganization(org_id: $orgId) {\n      refresh_token\n    }\n  }\n"): (typeof documents)["\n  mutation SwitchOrganization($orgId: uuid!) {\n    switchOrganization(org_id: $orgId) {\n      refresh_token\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Projects {\n    workspaces(where: { deleted_at: { _is_null: true } }, order_by: { name: asc }) {\n      id\n      name\n      projects(where: { deleted_at: { _is_null: true } }, order_by: { name: asc }) {\n        id\n        key\n        name\n        status\n        boards(where: { deleted_at: { _is_null: true }, view_type: { _eq: \"kanban\" } }, order_by: { position: asc }) {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Projects {\n    workspaces(where: { deleted_at: { _is_null: true } }, order_by: { name: asc }) {\n      id\n      name\n      projects(where: { deleted_at: { _is_null: true } }, order_by: { name: asc }) {\n        id\n        key\n        name\n        status\n        boards(where: { deleted_at: { _is_null: true }, view_type: { _eq: \"kanban\" } }, order_by: { position: asc }) {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription Board($boardId: uuid!) {\n    boards_by_pk(id: $boardId) {\n      id\n      name\n      project {\n        id\n        key\n        name\n      }\n      columns(order_by: { position: asc }) {\n        id\n        name\n        wip_limit\n        tasks(where: { deleted_at: { _is_null: true } }, order_by: { position: asc }) {\n          id\n          key\n          title\n          priority\n          due_date\n          is_blocked\n          version\n          assignees {\n            user {\n              id\n              display_name\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription Board($boardId: uuid!) {\n    boards_by_pk(id: $boardId) {\n      id\n      name\n      project {\n        id\n        key\n        name\n      }\n      columns(order_by: { position: asc }) {\n        id\n        name\n        wip_limit\n        tasks(where: { deleted_at: { _is_null: true } }, order_by: { position: asc }) {\n          id\n          key\n          title\n          priority\n          due_date\n          is_blocked\n          version\n          assignees {\n            user {\n              id\n              display_name\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MoveTask($taskId: uuid!, $columnId: uuid!, $afterTaskId: uuid, $expectedVersion: Int) {\n    move_task(args: { task_id: $taskId, column_id: $columnId, after_task_id: $afterTaskId, expected_version: $expectedVersion }) {\n      id\n      column_id\n      position\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation MoveTask($taskId: uuid!, $columnId: uuid!, $afterTaskId: uuid, $expectedVersion: Int) {\n    move_task(args: { task_id: $taskId, column_id: $columnId, after_task_id: $afterTaskId, expected_version: $expectedVersion }) {\n      id\n      column_id\n      position\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription Task($taskId: uuid!) {\n    tasks_by_pk(id: $taskId) {\n      id\n      key\n      title\n      description\n      status\n      priority\n      start_date\n      due_date\n      is_blocked\n      project {\n        id\n        name\n        members {\n          user {\n            id\n            display_name\n          }\n        }\n      }\n      assignees {\n        user {\n          id\n          display_name\n        }\n      }\n      checklists(order_by: { position: asc }) {\n        id\n        title\n        items(order_by: { position: asc }) {\n          id\n          title\n          done\n        }\n      }\n      comments(where: { deleted_at: { _is_null: true } }, order_by: { created_at: asc }) {\n        id\n        body\n        created_at\n        author {\n          display_name\n        }\n      }\n      activity(order_by: { created_at: asc }) {\n        id\n        verb\n        summary\n        created_at\n        actor {\n          display_name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription Task($taskId: uuid!) {\n    tasks_by_pk(id: $taskId) {\n      id\n      key\n      title\n      description\n      status\n      priority\n      start_date\n      due_date\n      is_blocked\n      project {\n        id\n        name\n        members {\n          user {\n            id\n            display_name\n          }\n        }\n      }\n      assignees {\n        user {\n          id\n          display_name\n        }\n      }\n      checklists(order_by: { position: asc }) {\n        id\n        title\n        items(order_by: { position: asc }) {\n          id\n          title\n          done\n        }\n      }\n      comments(where: { deleted_at: { _is_null: true } }, order_by: { created_at: asc }) {\n        id\n        body\n        created_at\n        author {\n          display_name\n        }\n      }\n      activity(order_by: { created_at: asc }) {\n        id\n        verb\n        summary\n        created_at\n        actor {\n          display_name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ToggleChecklistItem($itemId: uuid!, $done: Boolean!) {\n    update_task_checklist_items_by_pk(pk_columns: { id: $itemId }, _set: { done: $done }) {\n      id\n      done\n    }\n  }\n"): (typeof documents)["\n  mutation ToggleChecklistItem($itemId: uuid!, $done: Boolean!) {\n    update_task_checklist_items_by_pk(pk_columns: { id: $itemId }, _set: { done: $done }) {\n      id\n      done\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CommentOnTask($taskId: uuid!, $body: String!) {\n    insert_comments_one(object: { entity_type: task, entity_id: $taskId, body: $body }) {\n      id\n      mentions\n    }\n  }\n"): (typeof documents)["\n  mutation CommentOnTask($taskId: uuid!, $body: String!) {\n    insert_comments_one(object: { entity_type: task, entity_id: $taskId, body: $body }) {\n      id\n      mentions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MyWork($userId: uuid!) {\n    tasks(\n      where: { deleted_at: { _is_null: true }, status: { _nin: [\"done\", \"cancelled\"] }, assignees: { user_id: { _eq: $userId } } }\n      order_by: [{ due_date: asc_nulls_last }, { priority: desc }]\n      limit: 200\n    ) {\n      id\n      key\n      title\n      status\n      priority\n      due_date\n      project {\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription MyWork($userId: uuid!) {\n    tasks(\n      where: { deleted_at: { _is_null: true }, status: { _nin: [\"done\", \"cancelled\"] }, assignees: { user_id: { _eq: $userId } } }\n      order_by: [{ due_date: asc_nulls_last }, { priority: desc }]\n      limit: 200\n    ) {\n      id\n      key\n      title\n      status\n      priority\n      due_date\n      project {\n        name\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;