import type { LoggerOptions } from 'pino';

const SECRET_HEADERS = ['authorization', 'cookie', 'set-cookie', 'x-hasura-admin-secret', 'x-workgrid-actions-secret'];
const SECRET_FIELDS = ['password', 'new_password', 'token', 'access_token', 'refresh_token', 'secret'];

function redactPaths(): string[] {
  const headerPaths = SECRET_HEADERS.flatMap((name) =>
    ['req.headers', 'res.headers', 'headers'].map((parent) => `${parent}["${name}"]`),
  );
  // Covers a logged payload such as `{ body: { input: { object: { password } } } }` (Hasura action shape).
  const fieldPaths = SECRET_FIELDS.flatMap((field) => [field, `*.${field}`, `*.*.${field}`, `*.*.*.${field}`]);
  return [...headerPaths, ...fieldPaths];
}

/** Pino options shared by the HTTP service and the worker: JSON lines, secrets censored. */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: redactPaths(), censor: '[redacted]' },
  };
}
