import { defaultFieldResolver, getNullableType, isListType, isObjectType, type GraphQLFieldResolver, type GraphQLOutputType, type GraphQLResolveInfo, type SelectionNode } from 'graphql';
import type { ActionRelationships } from './actions-model.ts';
import { aggregateQuery, collectFields, joinCondition, listQuery, newAlias, permissionFilter, readTable, rowJson, type CollectedField, type CompileContext } from './compile.ts';
import type { RelationshipInfo, TableInfo } from './model.ts';
import { ident } from './sql.ts';

/** How to reach, from an action's output, the objects of one custom type: a field, or every item of a list. */
type Step = { field: string } | 'list';

/** One selected relationship field of a custom object type, wherever that type occurs in the output. */
export interface RelationshipSite {
  /** Response keys from the action's root field down to the relationship field. */
  keys: string;
  /** From the output value to the objects holding the relationship. */
  steps: Step[];
  relationship: RelationshipInfo;
  aggregate: boolean;
  field: CollectedField;
  path: string;
  depth: number;
}

/**
 * The relationship fields selected anywhere under an output of `type`: `keys` are the response keys
 * leading to the output value, `path` and `depth` those of the field selecting it.
 */
export function relationshipSites(ctx: CompileContext, relationships: ActionRelationships, type: GraphQLOutputType, selections: readonly SelectionNode[], keys: string[], path: string, depth: number): RelationshipSite[] {
  const sites: RelationshipSite[] = [];
  const visit = (current: GraphQLOutputType, items: readonly SelectionNode[], keyPath: string[], steps: Step[], here: string, level: number): void => {
    let inner = getNullableType(current);
    const reach = [...steps];
    while (isListType(inner)) {
      reach.push('list');
      inner = getNullableType(inner.ofType);
    }
    if (!isObjectType(inner)) return;
    const own = relationships.get(inner.name);
    for (const field of collectFields(ctx, items, inner.name)) {
      const fieldPath = `${here}.selectionSet.${field.key}`;
      const direct = own?.get(field.name);
      const aggregated = !direct && field.name.endsWith('_aggregate') ? own?.get(field.name.slice(0, -'_aggregate'.length)) : undefined;
      const relationship = direct ?? (aggregated?.kind === 'array' ? aggregated : undefined);
      if (relationship) {
        sites.push({ keys: [...keyPath, field.key].join('.'), steps: reach, relationship, aggregate: !direct, field, path: fieldPath, depth: level + 1 });
        continue;
      }
      const definition = inner.getFields()[field.name];
      if (definition) visit(definition.type, field.selections, [...keyPath, field.key], [...reach, { field: field.name }], fieldPath, level + 1);
    }
  };
  visit(type, selections, keys, [], path, depth);
  return sites;
}

/** The SQL/JSON path (lax) to the objects a site's relationship starts from, in document order. */
function jsonPath(steps: Step[]): string {
  return `$${steps.map((step) => (step === 'list' ? '[*]' : `.${JSON.stringify(step.field)}`)).join('')} ? (@.type() == "object")`;
}

/**
 * SQL yielding, per site, the JSON array of its related values (one per object the site starts from,
 * in `objectsAt` order) for the output `source` (a jsonb expression): each object's mapped fields are
 * read as the target columns' types and joined to the table through the engine's own selection
 * compiler, so the role's select permission and the session's row-level security both apply.
 */
export function relatedSql(ctx: CompileContext, sites: RelationshipSite[], source: string): string {
  const parts = sites.map((site) => {
    const target = ctx.view.model.tables.get(site.relationship.target) as TableInfo;
    const item = newAlias(ctx);
    const input = newAlias(ctx);
    const inner = newAlias(ctx);
    const columns = new Map<string, string>();
    for (const [field, column] of site.relationship.mapping) if (!columns.has(field)) columns.set(field, `${ident(field)} ${target.columnsByName.get(column)?.pg.sqlType ?? 'text'}`);
    const join = joinCondition(site.relationship, input, inner);
    const related =
      site.relationship.kind === 'object'
        ? `select ${rowJson(ctx, target, inner, site.field.selections, site.path, site.depth)} from ${readTable(ctx, target)} ${inner} where ${join} and ${permissionFilter(ctx, target, inner)} limit 1`
        : site.aggregate
          ? aggregateQuery(ctx, target, inner, site.field, site.path, site.depth, join)
          : listQuery(ctx, target, inner, site.field, site.path, site.depth, join);
    return `(select coalesce(json_agg((${related}) order by ${item}.i), '[]'::json) from jsonb_path_query(${source}, ${ctx.params.typed(jsonPath(site.steps), 'jsonpath')}) with ordinality ${item}(v, i), jsonb_to_record(${item}.v) as ${input}(${[...columns.values()].join(', ')}))`;
  });
  return `json_build_array(${parts.join(', ')})`;
}

/** The objects `steps` reach in `value`, in the order the lax SQL/JSON path of `jsonPath` yields them. */
function objectsAt(value: unknown, steps: Step[]): object[] {
  let current = [value];
  for (const step of steps) {
    current = current.flatMap((item) => {
      if (step === 'list') return Array.isArray(item) ? item : [item];
      const members = Array.isArray(item) ? item : [item];
      return members.flatMap((member) => (member !== null && typeof member === 'object' && !Array.isArray(member) && step.field in member ? [(member as Record<string, unknown>)[step.field]] : []));
    });
  }
  return current.filter((item): item is object => item !== null && typeof item === 'object' && !Array.isArray(item));
}

/** Related values by output object and site keys; `shaped` marks the objects built by SQL (keyed by response key). */
export interface RelatedValues {
  byObject: Map<object, Map<string, unknown>>;
  shaped: WeakSet<object>;
}

function markShaped(value: unknown, shaped: WeakSet<object>): void {
  if (value === null || typeof value !== 'object') return;
  if (!Array.isArray(value)) shaped.add(value);
  for (const child of Object.values(value)) markShaped(child, shaped);
}

/** Attaches each site's answers (`relatedSql`'s array) to the output objects they belong to. */
export function attachRelated(output: unknown, sites: RelationshipSite[], answers: unknown[]): RelatedValues {
  const related: RelatedValues = { byObject: new Map(), shaped: new WeakSet() };
  sites.forEach((site, index) => {
    const values = (answers[index] ?? []) as unknown[];
    objectsAt(output, site.steps).forEach((object, position) => {
      const value = values[position] ?? null;
      markShaped(value, related.shaped);
      const byKeys = related.byObject.get(object) ?? new Map<string, unknown>();
      byKeys.set(site.keys, value);
      related.byObject.set(object, byKeys);
    });
  });
  return related;
}

function responseKeys(path: GraphQLResolveInfo['path'] | undefined): string {
  const keys: string[] = [];
  for (let step = path; step; step = step.prev) if (typeof step.key === 'string') keys.unshift(step.key);
  return keys.join('.');
}

/**
 * Resolves the handler's output as usual, a relationship field from the attached values, and the
 * fields of rows built by SQL by their response keys (aliases included).
 */
export function relatedResolver(related: RelatedValues): GraphQLFieldResolver<unknown, unknown> {
  return (source, args, context, info) => {
    if (source !== null && typeof source === 'object') {
      if (related.shaped.has(source)) return (source as Record<string, unknown>)[info.path.key];
      const byKeys = related.byObject.get(source);
      const keys = byKeys ? responseKeys(info.path) : '';
      if (byKeys?.has(keys)) return byKeys.get(keys);
    }
    return defaultFieldResolver(source, args, context, info);
  };
}
