import { extendSchema, GraphQLSchema, parse } from 'graphql';
import { namedType, PG_SCALARS, type ActionInfo, type ActionRelationships, type ActionsModel } from './actions-model.ts';
import type { CustomTypes, TypedName } from './actions-sdl.ts';
import type { Model, RelationshipInfo, TableInfo } from './model.ts';
import type { RoleView } from './schema.ts';

const describe = (description: string | undefined, indent = ''): string => (description ? `${indent}${JSON.stringify(description)}\n` : '');

const fieldLines = (fields: TypedName[]): string => fields.map((field) => `${describe(field.description, '  ')}  ${field.name}: ${field.type}`).join('\n');

/**
 * A custom type relationship as the role sees it (none when it may not select the table): an object
 * relationship is nullable (no row, or a null field), an array one takes the table's select arguments
 * and has an `_aggregate` companion when the role may aggregate.
 */
function relationshipLines(relationship: RelationshipInfo, view: RoleView): string[] {
  const target = view.model.tables.get(relationship.target);
  const permission = target ? view.select(target) : undefined;
  if (!target || !permission) return [];
  const type = target.gqlName;
  if (relationship.kind === 'object') return [`  "An object relationship"\n  ${relationship.name}: ${type}`];
  const args = `(distinct_on: [${type}_select_column!], limit: Int, offset: Int, order_by: [${type}_order_by!], where: ${type}_bool_exp)`;
  const lines = [`  "An array relationship"\n  ${relationship.name}${args}: [${type}!]!`];
  if (permission.allowAggregations) lines.push(`  "An aggregate relationship"\n  ${relationship.name}_aggregate${args}: ${type}_aggregate!`);
  return lines;
}

function customTypesSdl(types: CustomTypes, relationships: ActionRelationships, view: RoleView): string {
  const objectFields = (name: string, fields: TypedName[]): string =>
    [fieldLines(fields), ...[...(relationships.get(name)?.values() ?? [])].flatMap((relationship) => relationshipLines(relationship, view))].join('\n');
  return [
    ...types.scalars.map((t) => `${describe(t.description)}scalar ${t.name}`),
    ...types.enums.map((t) => `${describe(t.description)}enum ${t.name} {\n${t.values.map((v) => `${describe(v.description, '  ')}  ${v.value}`).join('\n')}\n}`),
    ...types.input_objects.map((t) => `${describe(t.description)}input ${t.name} {\n${fieldLines(t.fields)}\n}`),
    ...types.objects.map((t) => `${describe(t.description)}type ${t.name} {\n${objectFields(t.name, t.fields)}\n}`),
  ].join('\n\n');
}

/** The tables the custom types' relationships lead to: a role schema with actions needs their types. */
export function relationshipTargets(model: ActionsModel, tables: Model['tables'], actions: ActionInfo[]): TableInfo[] {
  if (actions.length === 0) return [];
  const keys = new Set([...model.relationships.values()].flatMap((byName) => [...byName.values()].map((relationship) => relationship.target)));
  return [...keys].map((key) => tables.get(key)).filter((table): table is TableInfo => table !== undefined);
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
 * custom types they reach (unreached custom types are left out, as in Hasura), with the relationships
 * to tables the role may select.
 */
export function extendWithActions(schema: GraphQLSchema, model: ActionsModel, actions: ActionInfo[], view: RoleView): GraphQLSchema {
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
  const parts = [customTypesSdl(model.customTypes, model.relationships, view), ...pgScalars.map((name) => `scalar ${name}`), ...results.map((result) => result.type)];
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
