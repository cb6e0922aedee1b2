import { getNullableType, isListType, isNonNullType, isObjectType, type GraphQLOutputType } from 'graphql';
import type { ActionRelationships } from './actions-model.ts';
import { HasuraError } from './errors.ts';

/**
 * Checks a handler's 2xx answer against the action's output type, as Hasura does before projecting
 * it: no fields the type lacks, every non-null field present and not null, lists where lists belong.
 * Relationship fields are the engine's to fill, never the handler's.
 */
export function validateResponse(type: GraphQLOutputType, value: unknown, path: string, relationships: ActionRelationships): void {
  if (value === null || value === undefined) return;
  const inner = getNullableType(type);
  if (isListType(inner)) {
    if (!Array.isArray(value)) throw new HasuraError('unexpected', 'expecting array for action webhook response', path);
    for (const item of value) {
      if (item === null && isNonNullType(inner.ofType)) throw new HasuraError('unexpected', 'expecting not null value in the list of the webhook response', path);
      validateResponse(inner.ofType, item, path, relationships);
    }
    return;
  }
  if (!isObjectType(inner)) return;
  if (typeof value !== 'object' || Array.isArray(value)) throw new HasuraError('unexpected', 'expecting object for action webhook response', path);
  const own = relationships.get(inner.name);
  const fields = Object.fromEntries(Object.entries(inner.getFields()).filter(([name]) => !own?.has(name) && !(name.endsWith('_aggregate') && own?.has(name.slice(0, -'_aggregate'.length)))));
  const object = value as Record<string, unknown>;
  const unexpected = Object.keys(object).filter((key) => !(key in fields));
  if (unexpected.length > 0) throw new HasuraError('unexpected', `unexpected fields in webhook response: ${unexpected.join(', ')}`, path);
  for (const [name, field] of Object.entries(fields)) {
    if (isNonNullType(field.type)) {
      if (!(name in object)) throw new HasuraError('unexpected', `field '${name}' expected in webhook response, but not found`, path);
      if (object[name] === null) throw new HasuraError('unexpected', `expecting not null value for field "${name}"`, path);
    }
    validateResponse(field.type, object[name], path, relationships);
  }
}
