import { HasuraError } from './errors.ts';

/** Session variables, names lower-cased, values strings; always contains x-hasura-role. */
export type Session = Record<string, string>;

export function isSessionVariable(value: unknown): value is string {
  return typeof value === 'string' && value.toLowerCase().startsWith('x-hasura-');
}

export function sessionValue(session: Session, name: string): string {
  const key = name.toLowerCase();
  const value = session[key];
  if (value === undefined) throw new HasuraError('not-found', `missing session variable: "${key}"`, '$');
  return value;
}
