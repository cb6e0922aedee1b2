/** An error the engine reports in Hasura's shape: `{message, extensions: {path, code}}`. */
export class HasuraError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly path = '$',
    /** Detail shown only to admins (SQL error text, constraint). */
    readonly internal?: unknown,
    readonly httpStatus = 400,
    /** Replaces `{path, code}` entirely, as an action handler's 4xx `extensions` does in Hasura. */
    readonly extensions?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'HasuraError';
  }
}

export interface GraphqlErrorBody {
  message: string;
  extensions: { path: string; code: string; internal?: unknown } | Record<string, unknown>;
}

export function toGraphqlError(error: HasuraError, showInternal: boolean): GraphqlErrorBody {
  if (error.extensions) return { message: error.message, extensions: error.extensions };
  const extensions: GraphqlErrorBody['extensions'] = { path: error.path, code: error.code };
  if (showInternal && error.internal !== undefined) extensions.internal = error.internal;
  return { message: error.message, extensions };
}

/** Anything unexpected becomes a masked `unexpected` error; the detail goes to admins only. */
export function asHasuraError(error: unknown): HasuraError {
  if (error instanceof HasuraError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new HasuraError('unexpected', 'database query error', '$', { error: detail }, 500);
}
