import { isEnumType, type GraphQLSchema } from 'graphql';

const GRAPHQL_JS_ENUM = /Value "([^"]*)" does not exist in "([^"]+)" enum\./;

/**
 * graphql-js's unknown-enum-value error in Hasura's words:
 * `expected one of the values ['a', 'b'] for type 'T', but found 'c'`.
 */
export function hasuraEnumMessage(schema: GraphQLSchema, message: string): string | undefined {
  const match = GRAPHQL_JS_ENUM.exec(message);
  if (!match) return undefined;
  const type = schema.getType(match[2] ?? '');
  if (!isEnumType(type)) return undefined;
  const values = type.getValues().map((value) => `'${value.name}'`);
  return `expected one of the values [${values.join(', ')}] for type '${type.name}', but found '${match[1] ?? ''}'`;
}
