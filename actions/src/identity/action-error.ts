/** A refusal an action reports to the caller as Hasura's `{message, extensions: {code}}` with a 4xx. */
export class ActionError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extensions: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = 'ActionError';
  }

  static badRequest(code: string, message: string): ActionError {
    return new ActionError(400, code, message);
  }

  static unauthorized(code: string, message: string): ActionError {
    return new ActionError(401, code, message);
  }

  static forbidden(code: string, message: string): ActionError {
    return new ActionError(403, code, message);
  }

  static tooMany(code: string, message: string, retryAfterSeconds: number): ActionError {
    return new ActionError(429, code, message, { retry_after: retryAfterSeconds });
  }
}

/** Stable codes raised by SQL (docs/error-codes.md) that are the caller's doing, with their status. */
export const SQL_ERROR_STATUS: Record<string, number> = {
  org_last_owner: 409,
  invitation_revoked: 410,
  invitation_used: 410,
  invitation_expired: 410,
  invitation_invalid: 400,
  outbox_event_not_found: 404,
  outbox_event_not_dead: 409,
};
