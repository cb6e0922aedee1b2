import { extendSchema, GraphQLSchema, parse } from 'graphql';
import { namedType, PG_SCALARS, type ActionInfo, type ActionsModel } from './actions-model.ts';
import type { CustomTypes, TypedName } from './actions-sdl.ts';

const describe = (description: string | undefined, indent = ''): string => (description ? `${indent}${JSON.stringify(description)}\n` : '');

const fieldLines = (fields: TypedName[]): string => fields.map((field) => `${describe(field.description, '  ')}  ${field.name}: ${field.type}`).join('\n');

function customTypesSdl(types: CustomTypes): string {
  return [
    ...types.scalars.map((t) => `${describe(t.description)}scalar ${t.name}`),
    ...types.enums.map((t) => `${describe(t.description)}enum ${t.name} {\n${t.values.map((v) => `${describe(v.description, '  ')}  ${v.value}`).join('\n')}\n}`),
    ...types.input_objects.map((t) => `${describe(t.description)}input ${t.name} {\n${fieldLines(t.fields)}\n}`),
    ...types.objects.map((t) => `${describe(t.description)}type ${t.name} {\n${fieldLines(t.fields)}\n}`),
  ].join('\n\n');
}

function actionField(action: ActionInfo): string {
  const args = action.arguments.length > 0 ? `(${action.arguments.map((arg) => `${arg.name}: ${arg.type}`).join(', ')})` : '';
  return `${describe(action.description, '  ')}  ${action.name}${args}: ${action.kind === 'asynchronous' ? 'uuid!' : action.outputType}`;
}

/** An asynchronous action's result type (named after the action, as in Hasura) and its `name(id)` root field. */
function asyncResultSdl(action: ActionInfo): { type: string; field: string } {
  return {
    type: `type ${action.name} {\n  created_at: timestamptz!\n  errors: json\n  id: uuid!\n  output: ${namedType(action.outputType)}\n}`,
    field: `${describe(action.description, '  ')}  ${action.name}(id: uuid!): ${action.name}`,
  };
}

const ASYNC_SCALARS = ['uuid', 'timestamptz', 'json'];

/** Whether the role may run the action: admin always, an inherited role when any parent may. */
export function actionAllowed(action: ActionInfo, role: string, isAdmin: boolean, parents: string[]): boolean {
  return isAdmin || action.roles.has(role) || parents.some((parent) => action.roles.has(parent));
}

/**
 * The role's schema with its permitted actions as `query_root`/`mutation_root` fields (asynchronous
 * ones answering an id, their results as `name(id)` on `query_root` and `subscription_root`) and the
 * custom types they reach (unreached custom types are left out, as in Hasura).
 */
export function extendWithActions(schema: GraphQLSchema, model: ActionsModel, actions: ActionInfo[]): GraphQLSchema {
  if (actions.length === 0) return schema;
  const declared = new Set([...model.customTypes.scalars, ...model.customTypes.enums, ...model.customTypes.input_objects, ...model.customTypes.objects].map((t) => t.name));
  const asynchronous = actions.filter((action) => action.kind === 'asynchronous');
  const used = new Set(actions.flatMap((action) => [action.outputType, ...action.arguments.map((arg) => arg.type)]).map(namedType));
  if (asynchronous.length > 0) for (const name of ASYNC_SCALARS) used.add(name);
  for (const object of [...model.customTypes.objects, ...model.customTypes.input_objects]) for (const field of object.fields) used.add(namedType(field.type));
  const pgScalars = [...used].filter((name) => PG_SCALARS.has(name) && !declared.has(name) && !schema.getType(name));
  const results = asynchronous.map(asyncResultSdl);
  const queries = actions.filter((action) => action.type === 'query');
  const mutations = actions.filter((action) => action.type === 'mutation');
  const parts = [customTypesSdl(model.customTypes), ...pgScalars.map((name) => `scalar ${name}`), ...results.map((result) => result.type)];
  const queryFields = [...queries.map(actionField), ...results.map((result) => result.field)];
  if (queryFields.length > 0) parts.push(`extend type query_root {\n${queryFields.join('\n')}\n}`);
  if (results.length > 0) {
    const body = results.map((result) => result.field).join('\n');
    parts.push(schema.getSubscriptionType() ? `extend type subscription_root {\n${body}\n}` : `type subscription_root {\n${body}\n}\n\nextend schema { subscription: subscription_root }`);
  }
  if (mutations.length > 0) {
    const body = mutations.map(actionField).join('\n');
    parts.push(schema.getMutationType() ? `extend type mutation_root {\n${body}\n}` : `type mutation_root {\n${body}\n}\n\nextend schema { mutation: mutation_root }`);
  }
  const extended = extendSchema(schema, parse(parts.filter((part) => part.length > 0).join('\n\n')));
  const query = extended.getQueryType();
  if (!query) return extended;
  const mutation = extended.getMutationType();
  const subscription = extended.getSubscriptionType();
  return new GraphQLSchema({ query, ...(mutation ? { mutation } : {}), ...(subscription ? { subscription } : {}) });
}
