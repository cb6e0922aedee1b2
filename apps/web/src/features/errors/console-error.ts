import type { CombinedError } from '@urql/core';

/** A refusal with a stable code (GraphQL `extensions.code` or problem+json `code`) and a sentence for people. */
export class ConsoleError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ConsoleError';
  }
}

// Codes whose upstream message is written for developers, not for the person at the screen. Action
// codes (invalid_credentials, invitation_pending, ...) already come with a sentence for people.
const HUMAN_TEXT: Record<string, string> = {
  'invalid-jwt': 'Your session has ended. Sign in again.',
  'invalid-headers': 'Your session has ended. Sign in again.',
  'access-denied': 'Sign in first.',
  'permission-denied': 'You are not allowed to do this.',
  'permission-error': 'You are not allowed to do this.',
  'validation-failed': 'The request was not accepted. Check the form and try again.',
  'constraint-violation': 'This conflicts with existing data.',
  'data-exception': 'A value is not in the expected format.',
  board_column_wip_limit: 'That column is at its work-in-progress limit: finish or move a task out of it first.',
  task_version_conflict: 'Someone changed this task in the meantime. The board now shows the latest; try again.',
  ticket_invalid_transition: 'A ticket cannot move to that status from where it is now.',
  ticket_assignee_invalid: 'Only agents, managers, admins and owners of the organization can take a ticket.',
  org_last_owner: 'An organization needs at least one owner: make someone else owner first.',
  upstream_unavailable: 'The WorkGrid service is not reachable right now. Try again in a moment.',
  network: 'The console could not reach the server. Check your connection and try again.',
  'unexpected': 'Something went wrong on our side. Try again.',
};

export function humanMessage(code: string, fallback: string): string {
  return HUMAN_TEXT[code] ?? fallback;
}

/** The first GraphQL error (or the network failure) of an urql result, as a ConsoleError. */
export function fromCombinedError(error: CombinedError): ConsoleError {
  const [first] = error.graphQLErrors;
  if (first) {
    const code = typeof first.extensions['code'] === 'string' ? first.extensions['code'] : 'unexpected';
    // Validation errors that name a field are the action's own sentence (e.g. a weak password).
    const keepMessage = code === 'validation-failed' && !/^(field|expected|variable|unexpected)/i.test(first.message);
    return new ConsoleError(code, keepMessage ? first.message : humanMessage(code, first.message));
  }
  return new ConsoleError('network', humanMessage('network', error.message));
}
