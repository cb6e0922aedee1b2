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
  return `${describe(action.description, '  ')}  ${action.name}${args}: ${action.outputType}`;
}

/** Whether the role may run the action: admin always, an inherited role when any parent may. */
export function actionAllowed(action: ActionInfo, role: string, isAdmin: boolean, parents: string[]): boolean {
  return isAdmin || action.roles.has(role) || parents.some((parent) => action.roles.has(parent));
}

/**
 * The role's schema with its permitted actions as `query_root`/`mutation_root` fields and the custom
 * types they reach (unreached custom types are left out, as in Hasura).
 */
export function extendWithActions(schema: GraphQLSchema, model: ActionsModel, actions: ActionInfo[]): GraphQLSchema {
  if (actions.length === 0) return schema;
  const declared = new Set([...model.customTypes.scalars, ...model.customTypes.enums, ...model.customTypes.input_objects, ...model.customTypes.objects].map((t) => t.name));
  const used = new Set(actions.flatMap((action) => [action.outputType, ...action.arguments.map((arg) => arg.type)]).map(namedType));
  for (const object of [...model.customTypes.objects, ...model.customTypes.input_objects]) for (const field of object.fields) used.add(namedType(field.type));
  const pgScalars = [...used].filter((name) => PG_SCALARS.has(name) && !declared.has(name) && !schema.getType(name));
  const queries = actions.filter((action) => action.type === 'query');
  const mutations = actions.filter((action) => action.type === 'mutation');
  const parts = [customTypesSdl(model.customTypes), ...pgScalars.map((name) => `scalar ${name}`)];
  if (queries.length > 0) parts.push(`extend type query_root {\n${queries.map(actionField).join('\n')}\n}`);
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
