import { isEnumType, isInputObjectType, isListType, isNonNullType, typeFromAST, type GraphQLInputType, type GraphQLSchema, type VariableDefinitionNode } from 'graphql';
import { BoundedMap } from './bounded-map.ts';
import type { Session } from './session.ts';

/**
 * The compiled SQL of operations, cached by (operation, role, variable shape, session names) so that a
 * repeated operation only rebinds its parameters.
 *
 * The variable shape is everything in the variable values that may change the SQL text: object keys
 * in order, list lengths, null versus absent versus given, and the exact value of every enum, Boolean,
 * Int and Float and of every non-string custom scalar (a jsonb object). Only string values of scalar
 * types (String, ID, uuid, timestamptz, …) are left out: they are data. To learn where each
 * parameter comes from, a miss compiles the operation a second time with every such string and
 * every session value replaced by a unique marker; a parameter equal to a marker is bound from that
 * string or session value, one without markers is a constant, the session JSON is rebound whole.
 * A marker found anywhere else (in the SQL text, inside a larger parameter, in a static answer)
 * means the value was transformed or inspected, and the operation is not cached for that shape. The
 * template is kept only if, bound with the request's own values, it reproduces the fresh compile.
 */

/** Where a bound parameter's value comes from. */
type ParamSource = { constant: string } | { variable: number } | { session: string } | { sessionJson: true };

export interface VariableShape {
  /** What of the variables the SQL text may depend on. */
  key: string;
  /** The string values of scalar variables, in walk order: what parameters are bound from. */
  strings: string[];
  /** The variables with those strings replaced by markers. */
  marked: Record<string, unknown>;
}

const MARK_START = '\uE000';
const MARK_END = '\uE001';

/** Quotes, a backslash, both cases and spaces: escaping, case folding or trimming would alter it. */
function marker(kind: 'v' | 's', index: number): string {
  return `${MARK_START} ${kind}${index}Aa'"\\ ${MARK_END}`;
}

export function variableShape(schema: GraphQLSchema, definitions: readonly VariableDefinitionNode[], variables: Record<string, unknown>): VariableShape {
  const strings: string[] = [];
  const walk = (type: GraphQLInputType | undefined, value: unknown): { key: string; marked: unknown } => {
    if (value === undefined) return { key: 'u', marked: undefined };
    if (value === null) return { key: 'n', marked: null };
    if (type && isNonNullType(type)) return walk(type.ofType, value);
    if (type && isListType(type)) {
      if (!Array.isArray(value)) {
        const item = walk(type.ofType, value);
        return { key: `1${item.key}`, marked: item.marked };
      }
      const items = value.map((item) => walk(type.ofType, item));
      return { key: `[${items.map((item) => item.key).join(',')}]`, marked: items.map((item) => item.marked) };
    }
    if (type && isInputObjectType(type) && typeof value === 'object' && !Array.isArray(value)) {
      const fields = type.getFields();
      const keys: string[] = [];
      const marked: Record<string, unknown> = {};
      for (const [name, fieldValue] of Object.entries(value as Record<string, unknown>)) {
        const field = walk(fields[name]?.type, fieldValue);
        keys.push(`${JSON.stringify(name)}:${field.key}`);
        marked[name] = field.marked;
      }
      return { key: `{${keys.join(',')}}`, marked };
    }
    const scalarName = type && !isEnumType(type) && !isInputObjectType(type) ? type.name : undefined;
    if (typeof value === 'string' && scalarName !== undefined && !['Int', 'Float', 'Boolean'].includes(scalarName)) {
      strings.push(value);
      return { key: 's', marked: marker('v', strings.length - 1) };
    }
    return { key: `=${JSON.stringify(value)}`, marked: value };
  };
  const keys: string[] = [];
  const marked: Record<string, unknown> = {};
  for (const definition of definitions) {
    const name = definition.variable.name.value;
    const part = walk(typeFromAST(schema, definition.type) as GraphQLInputType | undefined, variables[name]);
    keys.push(part.key);
    if (part.marked !== undefined) marked[name] = part.marked;
  }
  return { key: keys.join(';'), strings, marked };
}

/** The session's names (in order) are part of the key: a missing one is an error, and the session JSON lists them. */
export function sessionShape(session: Session): string {
  return Object.keys(session).join(',');
}

function markedSession(session: Session): Session {
  return Object.fromEntries(Object.keys(session).map((name, index) => [name, marker('s', index)]));
}

/** What the cache needs of a compiled operation: its statements' text and parameters, the rest opaque. */
export interface CompiledStatements<S extends { text: string; params: string[] }> {
  statements: S[];
}

export interface Template<C extends CompiledStatements<S>, S extends { text: string; params: string[] }> {
  compiled: C;
  sources: ParamSource[][];
}

/**
 * Builds the template of an operation from its marked compile, or undefined when a marker shows up
 * where it cannot be rebound. `fingerprint` renders everything but the parameters, for comparison.
 */
function templateOf<C extends CompiledStatements<S>, S extends { text: string; params: string[] }>(marked: C, shape: VariableShape, session: Session, fingerprint: (compiled: C) => string): Template<C, S> | undefined {
  const sources = new Map<string, ParamSource>();
  shape.strings.forEach((_, index) => sources.set(marker('v', index), { variable: index }));
  Object.keys(session).forEach((name, index) => sources.set(marker('s', index), { session: name }));
  sources.set(JSON.stringify(markedSession(session)), { sessionJson: true });
  if (fingerprint(marked).includes(MARK_START)) return undefined;
  const statementSources: ParamSource[][] = [];
  for (const statement of marked.statements) {
    const params: ParamSource[] = [];
    for (const param of statement.params) {
      const source = sources.get(param);
      if (source) params.push(source);
      else if (param.includes(MARK_START)) return undefined;
      else params.push({ constant: param });
    }
    statementSources.push(params);
  }
  return { compiled: marked, sources: statementSources };
}

/** The template's statements bound with one request's string variables and session. */
export function instantiate<C extends CompiledStatements<S>, S extends { text: string; params: string[] }>(template: Template<C, S>, strings: string[], session: Session): C {
  let sessionJson: string | undefined;
  const value = (source: ParamSource): string => {
    if ('constant' in source) return source.constant;
    if ('variable' in source) return strings[source.variable] as string;
    if ('session' in source) return session[source.session] as string;
    sessionJson ??= JSON.stringify(session);
    return sessionJson;
  };
  return {
    ...template.compiled,
    statements: template.compiled.statements.map((statement, index) => ({ ...statement, params: (template.sources[index] ?? []).map(value) })),
  };
}

const UNCACHEABLE = Symbol('uncacheable');

/** A bounded (least recently used) cache of operation templates. */
export class CompiledOperations<C extends CompiledStatements<S>, S extends { text: string; params: string[] }> {
  private readonly entries: BoundedMap<string, Template<C, S> | typeof UNCACHEABLE>;
  /** Fresh compiles and cache hits, for tests and diagnostics. */
  readonly stats = { compiles: 0, hits: 0 };

  constructor(
    limit: number,
    private readonly fingerprint: (compiled: C) => string,
  ) {
    this.entries = new BoundedMap(limit);
  }

  clear(): void {
    this.entries.clear();
  }

  /**
   * The compiled operation for `key` + shape + session names: from the cache, or by `compile` with the
   * request's variables and session (then, when it may be cached, once more with markers).
   */
  get(key: string, shape: VariableShape, session: Session, variables: Record<string, unknown>, compile: (variables: Record<string, unknown>, session: Session) => C, cacheable: (compiled: C) => boolean): C {
    const fullKey = `${key}\u0001${sessionShape(session)}\u0001${shape.key}`;
    const entry = this.entries.get(fullKey);
    if (entry !== undefined) {
      this.entries.delete(fullKey);
      this.entries.set(fullKey, entry);
      if (entry !== UNCACHEABLE) {
        this.stats.hits += 1;
        return instantiate(entry, shape.strings, session);
      }
    }
    this.stats.compiles += 1;
    const compiled = compile(variables, session);
    if (entry === undefined) this.entries.set(fullKey, cacheable(compiled) ? this.templateFor(compiled, shape, session, compile) : UNCACHEABLE);
    return compiled;
  }

  private templateFor(fresh: C, shape: VariableShape, session: Session, compile: (variables: Record<string, unknown>, session: Session) => C): Template<C, S> | typeof UNCACHEABLE {
    let marked: C;
    try {
      marked = compile(shape.marked, markedSession(session));
    } catch {
      return UNCACHEABLE;
    }
    const template = templateOf<C, S>(marked, shape, session, this.fingerprint);
    if (!template) return UNCACHEABLE;
    const rebound = instantiate(template, shape.strings, session);
    const same = this.fingerprint(rebound) === this.fingerprint(fresh) && rebound.statements.every((statement, index) => sameParams(statement.params, fresh.statements[index]?.params));
    return same ? template : UNCACHEABLE;
  }
}

function sameParams(a: string[], b: string[] | undefined): boolean {
  return b !== undefined && a.length === b.length && a.every((value, index) => value === b[index]);
}
