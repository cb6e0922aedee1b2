import {
  execute as executeGraphql,
  getVariableValues,
  GraphQLError,
  Kind,
  parse,
  TypeInfo,
  validate,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValueNode,
} from 'graphql';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Sql } from 'postgres';
import { ACTION_LOG, AsyncActions, asyncResult } from './actions-async.ts';
import { runAction, type ActionRequest } from './actions-execute.ts';
import type { ClientHeaders } from './actions-http.ts';
import { buildActions, emptyCustomTypes, type ActionInfo, type ActionsModel } from './actions-model.ts';
import { actionAllowed, extendWithActions, relationshipTargets } from './actions-schema.ts';
import { authenticate, JwtVerifier, parseJwtSecret, type AuthConfig, type ResolvedAuth } from './auth.ts';
import { aggregateQuery, argument, byPkQuery, collectFields, functionCall, listQuery, newAlias, type CollectedField, type CompileContext } from './compile.ts';
import { subscriptionDefaults, type EngineConfig } from './config.ts';
import { asHasuraError, HasuraError, toGraphqlError } from './errors.ts';
import { runInTransaction, createPool, type ExecuteOptions, type Statement } from './execute.ts';
import { hasuraEnumMessage } from './enum-errors.ts';
import { enumValues, introspect, introspectFunctions } from './introspection.ts';
import { LiveQueries } from './live-queries.ts';
import { MetadataCatalog } from './metadata-catalog.ts';
import { loadMetadataDirectory, type Metadata } from './metadata.ts';
import { CHECK_FAILED, compileDelete, compileInsert, compileUpdate, compileUpdateMany, type MutationStatement } from './mutate.ts';
import { buildModel, type FunctionInfo, type InconsistentObject, type Model, type TableInfo } from './model.ts';
import { ADMIN_ROLE, buildRoleSchema, RoleView, type RoleSchema } from './schema.ts';
import { Params, RowParams } from './sql.ts';
import { ensureCheckViolation } from './source-catalog.ts';
import type { Session } from './session.ts';
import { BoundedMap } from './bounded-map.ts';
import { CompiledOperations, variableShape } from './compiled-operations.ts';
import { planSubscription, type SubscriptionPlan } from './subscription-plan.ts';

export const ENGINE_VERSION = 'v2.48.0-workgrid';

export interface GraphqlResponse {
  /** JSON text of the response body. */
  body: string;
}

interface PreparedRequest {
  roleSchema: RoleSchema;
  plan: Plan;
  query: string;
  operationName: string | undefined;
  /** Variables as sent, with the operation's defaults filled in. */
  variables: Record<string, unknown>;
  actionRequest: ActionRequest;
}

/** A root field's place in the response: static JSON, answers of statements, an action's result or introspection. */
type Output =
  | { key: string; json: string }
  | { key: string; statements: number[]; many: boolean; shape?: (answer: string | null) => string }
  | { key: string; action: () => Promise<unknown> }
  | { key: string; introspection: FieldNode };

/** An operation's statements (to run in one transaction) and how their answers make the response. */
interface CompiledOperation {
  statements: Statement[];
  outputs: Output[];
  mutation: boolean;
}

interface Plan {
  /** Role, backend_only, operation name and query text: what the plan is cached by. */
  key: string;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  fragments: Map<string, FragmentDefinitionNode>;
}

const PLAN_CACHE_LIMIT = 1000;
/** Compiled operations kept: one per (plan, session names, variable shape). */
const COMPILED_CACHE_LIMIT = 2000;
const NO_QUERIES = "There are no queries available to the current role. Either there are no sources or remote schemas configured, or the current role doesn't have the required permissions.";

/** The engine: metadata + catalog → per-role schemas; GraphQL requests → SQL → JSON. */
export class Engine {
  sql: Sql;
  private readonly metadataSql: Sql;
  private readonly catalog: MetadataCatalog;
  private sourceUrl: string;
  private metadata: Metadata = { version: 3, sources: [] };
  model: Model = { tables: new Map(), roles: new Set(), inconsistencies: [], functions: [], inheritedRoles: new Map() };
  private actions: ActionsModel = { actions: [], customTypes: emptyCustomTypes(), relationships: new Map(), inconsistencies: [] };
  private readonly schemas = new Map<string, RoleSchema>();
  private readonly plans = new BoundedMap<string, Plan>(PLAN_CACHE_LIMIT);
  private readonly compiledOperations = new CompiledOperations<CompiledOperation, Statement>(COMPILED_CACHE_LIMIT, fingerprint);
  /** Off: every request compiles its SQL afresh (to compare against the cache). */
  useCompiledCache = true;
  private readonly auth: AuthConfig;
  /** Live queries and streams of all websockets. */
  readonly live: LiveQueries;
  private readonly asyncActions: AsyncActions;

  constructor(
    readonly config: EngineConfig,
    sql?: Sql,
  ) {
    this.sql = sql ?? createPool(config.databaseUrl);
    this.sourceUrl = config.databaseUrl;
    this.metadataSql = config.metadataDatabaseUrl && config.metadataDatabaseUrl !== config.databaseUrl ? createPool(config.metadataDatabaseUrl, 2) : this.sql;
    this.catalog = new MetadataCatalog(this.metadataSql);
    this.auth = {
      adminSecret: config.adminSecret,
      unauthorizedRole: config.unauthorizedRole,
      jwt: config.jwtSecret ? new JwtVerifier(parseJwtSecret(config.jwtSecret)) : undefined,
      hook: config.authHook,
    };
    this.live = new LiveQueries(() => this.sql, () => this.readOptions, config.subscriptions ?? subscriptionDefaults);
    this.asyncActions = new AsyncActions(() => this.sql, () => this.readOptions);
  }

  /**
   * Applies the metadata directory when there is one, storing it in the catalog (as Hasura's
   * cli-migrations image does: the directory wins at every start), else the metadata stored in
   * hdb_catalog. Returns its inconsistencies: unless allowed, such metadata is not applied and the
   * caller must refuse to serve.
   */
  async start(): Promise<InconsistentObject[]> {
    const stored = await this.catalog.open();
    const dir = this.config.metadataDir;
    const fromDirectory = dir && (existsSync(join(dir, 'version.yaml')) || existsSync(join(dir, 'databases'))) ? loadMetadataDirectory(dir) : undefined;
    if (fromDirectory) return this.replaceMetadata(fromDirectory, this.config.allowInconsistentMetadata, {});
    return this.replaceMetadata(stored ?? { version: 3, sources: [] }, this.config.allowInconsistentMetadata);
  }

  async close(): Promise<void> {
    await this.live.close();
    if (this.metadataSql !== this.sql) await this.metadataSql.end({ timeout: 5 });
    await this.sql.end({ timeout: 5 });
  }

  /** Honours the source's `database_url` (literal or `from_env`) when it names another database. */
  private async connectSource(metadata: Metadata): Promise<void> {
    const info = (metadata.sources[0]?.configuration as { connection_info?: { database_url?: unknown } } | undefined)?.connection_info;
    const spec = info?.database_url;
    const url =
      typeof spec === 'string'
        ? spec
        : spec !== null && typeof spec === 'object' && typeof (spec as { from_env?: unknown }).from_env === 'string'
          ? this.config.environment?.[(spec as { from_env: string }).from_env]
          : undefined;
    if (!url || url === this.sourceUrl) return;
    const previous = this.sql;
    this.sql = createPool(url);
    this.sourceUrl = url;
    if (previous !== this.metadataSql) await previous.end({ timeout: 5 });
  }

  /** Whether metadata survives restarts (stored in hdb_catalog). */
  get persistsMetadata(): boolean {
    return this.catalog.persists;
  }

  /** Hasura's resource_version of the metadata in force. */
  get resourceVersion(): number {
    return this.catalog.resourceVersion;
  }

  exportMetadata(): Metadata {
    return structuredClone(this.metadata);
  }

  get inconsistencies(): InconsistentObject[] {
    return this.model.inconsistencies;
  }

  /**
   * Builds a model for `metadata`; on inconsistency keeps the old one unless `allowInconsistent` (or it
   * accepts those found). With `persist`, stores it in the catalog first, refused (409) when
   * `persist.resourceVersion` is stale.
   */
  async replaceMetadata(metadata: Metadata, allowInconsistent: boolean | ((found: InconsistentObject[]) => boolean), persist?: { resourceVersion?: number }): Promise<InconsistentObject[]> {
    await this.connectSource(metadata);
    await ensureCheckViolation(this.sql);
    const model = await this.buildModel(metadata);
    const actions = buildActions(metadata, this.config.environment ?? {}, model.tables);
    model.inconsistencies.push(...actions.inconsistencies);
    const allowed = typeof allowInconsistent === 'function' ? allowInconsistent(model.inconsistencies) : allowInconsistent;
    if (model.inconsistencies.length > 0 && !allowed) return model.inconsistencies;
    if (persist) await this.catalog.store(metadata, persist.resourceVersion);
    this.metadata = metadata;
    this.model = model;
    this.actions = actions;
    this.schemas.clear();
    this.plans.clear();
    this.compiledOperations.clear();
    return model.inconsistencies;
  }

  async reloadMetadata(): Promise<InconsistentObject[]> {
    return this.replaceMetadata(this.metadata, true);
  }

  private async buildModel(metadata: Metadata): Promise<Model> {
    const { catalog, functions } = await this.sql.begin('read only', async (tx) => {
      if (this.config.dbRole) await tx.unsafe(`set local role "${this.config.dbRole.replace(/"/g, '""')}"`);
      return { catalog: await introspect(tx), functions: await introspectFunctions(tx) };
    });
    const first = buildModel(metadata, catalog, new Map(), functions);
    const enums = new Map<string, { value: string; comment: string | null }[]>();
    for (const table of first.tables.values()) {
      if (!table.isEnum) continue;
      try {
        enums.set(table.key, await enumValues(this.sql, table.pg));
      } catch (error) {
        first.inconsistencies.push({ type: 'table', name: `table ${table.name}`, reason: `Inconsistent object: cannot read enum values: ${asHasuraError(error).message}`, definition: { schema: table.schema, name: table.name } });
      }
    }
    const model = buildModel(metadata, catalog, enums, functions);
    model.inconsistencies.push(...first.inconsistencies.filter((item) => item.reason.includes('enum values')));
    return model;
  }

  roleSchema(role: string, backendOnly = false): RoleSchema {
    const key = backendOnly ? `${role}\u0000backend` : role;
    let schema = this.schemas.get(key);
    if (!schema) {
      const parents = this.model.inheritedRoles.get(role) ?? [];
      const actions = this.actions.actions.filter((action) => actionAllowed(action, role, role === ADMIN_ROLE, parents));
      const base = buildRoleSchema(this.model, role, backendOnly, relationshipTargets(this.actions, this.model.tables, actions));
      schema = { ...base, schema: extendWithActions(base.schema, this.actions, actions, new RoleView(this.model, role)), actionRoot: new Map(actions.map((action) => [action.name, action])) };
      this.schemas.set(key, schema);
    }
    return schema;
  }

  async authenticate(headers: Record<string, string | string[] | undefined>, request?: unknown): Promise<ResolvedAuth> {
    return authenticate(this.auth, headers, request);
  }

  /** One POST /v1/graphql body (object or batch array) → response JSON text. */
  async handle(body: unknown, headers: Record<string, string | string[] | undefined>, requestId: string): Promise<string> {
    let auth: ResolvedAuth;
    try {
      auth = await this.authenticate(headers, body);
    } catch (error) {
      return errorBody(asHasuraError(error), false, this.config.devMode);
    }
    auth.session['x-hasura-request-id'] = requestId;
    if (Array.isArray(body)) {
      const parts: string[] = [];
      for (const item of body) parts.push(await this.handleOne(item, auth, headers));
      return `[${parts.join(',')}]`;
    }
    return this.handleOne(body, auth, headers);
  }

  private async handleOne(body: unknown, auth: ResolvedAuth, headers: ClientHeaders): Promise<string> {
    try {
      return await this.run(body, auth, headers);
    } catch (error) {
      return errorBody(asHasuraError(error), auth.admin && auth.role === 'admin', this.config.devMode);
    }
  }

  private async run(body: unknown, auth: ResolvedAuth, clientHeaders: ClientHeaders): Promise<string> {
    const request = this.prepare(body, auth, clientHeaders);
    if (request.plan.operation.operation === 'subscription') {
      throw new HasuraError('unexpected-payload', 'subscriptions are not supported over HTTP, use websockets instead', '$');
    }
    return this.execute(request, auth);
  }

  /** Parse, validate and coerce variables: everything that can fail before execution. */
  private prepare(body: unknown, auth: ResolvedAuth, clientHeaders: ClientHeaders): PreparedRequest {
    if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new HasuraError('parse-failed', 'expected an object for request', '$');
    const request = body as Record<string, unknown>;
    if (!('query' in request)) throw new HasuraError('parse-failed', "the key 'query' was not present", '$');
    if (typeof request['query'] !== 'string') throw new HasuraError('parse-failed', 'parsing Text failed, expected String', '$.query');
    const query = request['query'];
    const operationName = typeof request['operationName'] === 'string' ? request['operationName'] : undefined;
    const variables = request['variables'] ?? {};
    if (variables === null || typeof variables !== 'object' || Array.isArray(variables)) throw new HasuraError('parse-failed', 'expected an object for variables', '$.variables');
    const roleSchema = this.roleSchema(auth.role, auth.backendOnly);
    const plan = this.plan(roleSchema, query, operationName);
    const rawVariables = variables as Record<string, unknown>;
    const coerced = getVariableValues(roleSchema.schema, plan.operation.variableDefinitions ?? [], rawVariables);
    if (coerced.errors) throw variableError(coerced.errors[0] as GraphQLError, roleSchema.schema);
    const coercedValues = coerced.coerced;
    const withDefaults: Record<string, unknown> = { ...rawVariables };
    for (const definition of plan.operation.variableDefinitions ?? []) {
      const name = definition.variable.name.value;
      if (withDefaults[name] === undefined && coercedValues[name] !== undefined) withDefaults[name] = coercedValues[name];
    }
    const related = {
      relationships: this.actions.relationships,
      context: () => this.compileContext(roleSchema, plan, auth.session, withDefaults),
      read: async (text: string, params: string[], path: string) => (await runInTransaction(this.sql, auth.session, [{ text, params, kind: 'query', path }], this.readOptions))[0] ?? null,
    };
    const actionRequest: ActionRequest = { schema: roleSchema.schema, operation: plan.operation, fragments: plan.fragments, variables: coercedValues, session: auth.session, clientHeaders, requestQuery: query, related };
    return { roleSchema, plan, query, operationName, variables: withDefaults, actionRequest };
  }

  private async execute(request: PreparedRequest, auth: ResolvedAuth): Promise<string> {
    return this.respond(this.compile(request, auth), request, auth);
  }

  /**
   * A websocket operation, validated: a subscription's plan for the live-query registry, or a query or
   * mutation to run once. Throws (Hasura's pre-execution errors) when the operation is invalid.
   */
  prepareSocketOperation(body: unknown, auth: ResolvedAuth, clientHeaders: ClientHeaders): { subscription: SubscriptionPlan } | { run: () => Promise<string> } {
    const request = this.prepare(body, auth, clientHeaders);
    if (request.plan.operation.operation !== 'subscription') return { run: () => this.execute(request, auth) };
    const { roleSchema, plan, variables } = request;
    return {
      subscription: planSubscription({
        groupKey: JSON.stringify([request.query, request.operationName ?? null, roleSchema.role, roleSchema.backendOnly, Object.entries(auth.session).sort()]),
        session: auth.session,
        operation: plan.operation,
        subscriptionRoot: roleSchema.subscriptionRoot,
        newContext: () => ({ ...this.compileContext(roleSchema, plan, auth.session, variables), params: new RowParams(), reads: new Set<string>() }),
        otherRootField: (field, ctx) => {
          const action = roleSchema.actionRoot.get(field.name);
          return action?.kind === 'asynchronous' ? { ...this.asyncResult(action, field, ctx, auth, request.actionRequest), tables: new Set([ACTION_LOG, ...(ctx.reads ?? [])]) } : undefined;
        },
      }),
    };
  }

  /** `name(id)` of an asynchronous action: the statement reading the session's call, and how its row is shaped. */
  private asyncResult(action: ActionInfo, field: CollectedField, ctx: CompileContext, auth: ResolvedAuth, actionRequest: ActionRequest): { text: string; shape: (answer: string | null) => string } {
    return asyncResult(ctx, action, field, actionRequest, auth.admin && auth.role === ADMIN_ROLE);
  }

  /** How operations reading data run: the session per `sessionToSql`, read only. */
  get readOptions(): ExecuteOptions {
    return {
      dbRole: this.config.dbRole,
      setSession: this.config.sessionToSql === 'always',
      trustMetadata: this.config.sessionToSql === 'mutations',
      readOnly: true,
      statementTimeoutMs: this.config.statementTimeoutMs ?? 0,
    };
  }

  private plan(roleSchema: RoleSchema, query: string, operationName: string | undefined): Plan {
    const key = `${roleSchema.role}\u0000${roleSchema.backendOnly ? 'b' : ''}\u0000${operationName ?? ''}\u0000${query}`;
    const cached = this.plans.get(key);
    if (cached) return cached;
    let document: DocumentNode;
    try {
      document = parse(query);
    } catch {
      throw new HasuraError('validation-failed', 'not a valid graphql query', '$.query');
    }
    const operations = document.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
    let operation: OperationDefinitionNode | undefined;
    if (operationName === undefined) {
      if (operations.length !== 1) throw new HasuraError('validation-failed', 'exactly one operation has to be present in the document when operationName is not specified', '$');
      operation = operations[0];
    } else {
      operation = operations.find((candidate) => candidate.name?.value === operationName);
      if (!operation) throw new HasuraError('validation-failed', `no such operation found in the document: "${operationName}"`, '$');
    }
    if (!operation) throw new HasuraError('validation-failed', 'not a valid graphql query', '$.query');
    if (operation.operation === 'mutation' && !roleSchema.schema.getMutationType()) throw new HasuraError('validation-failed', 'no mutations exist', '$');
    const errors = validate(roleSchema.schema, document, undefined, { maxErrors: 1 });
    if (errors.length > 0) throw validationError(roleSchema, document, errors[0] as GraphQLError);
    const fragments = new Map(
      document.definitions.filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION).map((fragment) => [fragment.name.value, fragment]),
    );
    const plan: Plan = { key, document, operation, fragments };
    this.plans.set(key, plan);
    return plan;
  }

  /** What compiling one operation needs: the role's view, the session, fresh parameters, the limits. */
  private compileContext(roleSchema: RoleSchema, plan: Plan, session: Session, variables: Record<string, unknown>): CompileContext {
    return {
      view: new RoleView(this.model, roleSchema.role),
      session,
      params: new Params(),
      variables,
      fragments: plan.fragments,
      maxDepth: this.config.maxDepth,
      maxFields: this.config.maxFields ?? 5000,
      stringifyNumeric: this.config.stringifyNumeric === true,
      aliases: 0,
    };
  }

  /** The statements of a query or mutation: from the compiled-operation cache, or compiled. */
  private compile(request: PreparedRequest, auth: ResolvedAuth): CompiledOperation {
    const compile = (variables: Record<string, unknown>, session: Session): CompiledOperation =>
      request.plan.operation.operation === 'mutation' ? this.compileMutation(request, auth, variables, session) : this.compileQuery(request, auth, variables, session);
    if (!this.useCompiledCache) {
      this.compiledOperations.stats.compiles += 1;
      return compile(request.variables, auth.session);
    }
    const shape = variableShape(request.roleSchema.schema, request.plan.operation.variableDefinitions ?? [], request.variables);
    return this.compiledOperations.get(request.plan.key, shape, auth.session, request.variables, compile, isRebindable);
  }

  /** The statements and response layout of an HTTP (or websocket) request, as they would run; for tests and diagnostics. */
  compiledStatements(body: unknown, auth: ResolvedAuth): { text: string; params: string[] }[] {
    return this.compile(this.prepare(body, auth, {}), auth).statements.map(({ text, params }) => ({ text, params }));
  }

  /** Fresh compiles and cache hits of the compiled-operation cache. */
  get compileStats(): { compiles: number; hits: number } {
    return this.compiledOperations.stats;
  }

  /**
   * The database root fields of a mutation, to run in one transaction carrying the session; action
   * root fields call their handlers in document order around it.
   */
  private compileMutation(request: PreparedRequest, auth: ResolvedAuth, variables: Record<string, unknown>, session: Session): CompiledOperation {
    const { roleSchema, plan, actionRequest } = request;
    const ctx = this.compileContext(roleSchema, plan, session, variables);
    const outputs: Output[] = [];
    const statements: Statement[] = [];
    const add = (compiled: MutationStatement, checkError: HasuraError): number => {
      statements.push({ text: compiled.text, params: compiled.params, kind: 'mutation', path: compiled.path, checkError, ...(compiled.followUp ? { followUp: compiled.followUp } : {}) });
      return statements.length - 1;
    };
    for (const field of collectFields(ctx, plan.operation.selectionSet.selections, 'mutation_root')) {
      const path = `$.selectionSet.${field.key}`;
      if (field.name === '__typename') {
        outputs.push({ key: field.key, json: JSON.stringify('mutation_root') });
        continue;
      }
      const action = roleSchema.actionRoot.get(field.name);
      if (action?.type === 'mutation') {
        const run = action.kind === 'asynchronous' ? () => this.asyncActions.start(action, field.node, actionRequest, path) : () => runAction(action, field.node, actionRequest, path);
        outputs.push({ key: field.key, action: run });
        continue;
      }
      const fn = roleSchema.functionRoot.get(field.name);
      if (fn?.exposedAs === 'mutation') {
        ctx.params = new Params();
        const table = this.model.tables.get(fn.returnsTable) as TableInfo;
        statements.push({ text: listQuery(ctx, table, newAlias(ctx), field, path, 1, undefined, this.functionSource(ctx, fn, field, path)), params: ctx.params.values, kind: 'query', path });
        outputs.push({ key: field.key, statements: [statements.length - 1], many: false });
        continue;
      }
      const target = roleSchema.mutationRoot.get(field.name);
      if (!target) throw new HasuraError('validation-failed', `field '${field.name}' not found in type: 'mutation_root'`, path);
      ctx.params = new Params();
      const table = target.table;
      const checkError = (checkPath: string) => new HasuraError('permission-error', CHECK_FAILED, checkPath);
      const one = (compiled: MutationStatement): void => {
        outputs.push({ key: field.key, statements: [add(compiled, checkError(compiled.checkPath))], many: false });
      };
      switch (target.kind) {
        case 'insert':
        case 'insert_one':
          one(compileInsert(ctx, table, field, path, target.kind === 'insert_one'));
          break;
        case 'update':
        case 'update_by_pk':
          one(compileUpdate(ctx, table, field, path, target.kind === 'update_by_pk'));
          break;
        case 'update_many': {
          const indexes = compileUpdateMany(ctx, table, field, path).map((compiled) => add(compiled, checkError(compiled.checkPath)));
          outputs.push({ key: field.key, statements: indexes, many: true });
          break;
        }
        case 'delete':
        case 'delete_by_pk':
          one(compileDelete(ctx, table, field, path, target.kind === 'delete_by_pk'));
          break;
        default:
          throw new HasuraError('validation-failed', `field '${field.name}' not found in type: 'mutation_root'`, path);
      }
    }
    return { statements, outputs, mutation: true };
  }

  private compileQuery(request: PreparedRequest, auth: ResolvedAuth, variables: Record<string, unknown>, session: Session): CompiledOperation {
    const { roleSchema, plan, actionRequest } = request;
    const ctx = this.compileContext(roleSchema, plan, session, variables);
    const outputs: Output[] = [];
    const statements: Statement[] = [];
    for (const field of collectFields(ctx, plan.operation.selectionSet.selections, 'query_root')) {
      const path = `$.selectionSet.${field.key}`;
      if (field.name === '__typename') {
        outputs.push({ key: field.key, json: JSON.stringify('query_root') });
        continue;
      }
      if (field.name === 'no_queries_available' && !roleSchema.queryRoot.size) {
        outputs.push({ key: field.key, json: JSON.stringify(NO_QUERIES) });
        continue;
      }
      if (field.name === '__schema' || field.name === '__type') {
        outputs.push({ key: field.key, introspection: field.node });
        continue;
      }
      const action = roleSchema.actionRoot.get(field.name);
      if (action?.kind === 'asynchronous') {
        ctx.params = new Params();
        const { text, shape } = this.asyncResult(action, field, ctx, auth, actionRequest);
        outputs.push({ key: field.key, statements: [statements.length], many: false, shape });
        statements.push({ text, params: ctx.params.values, kind: 'query', path });
        continue;
      }
      if (action?.type === 'query') {
        outputs.push({ key: field.key, action: () => runAction(action, field.node, actionRequest, path) });
        continue;
      }
      const fn = roleSchema.functionRoot.get(field.name);
      const target = roleSchema.queryRoot.get(field.name);
      if (!target && !fn) throw new HasuraError('validation-failed', `field '${field.name}' not found in type: 'query_root'`, path);
      ctx.params = new Params();
      let text: string;
      if (fn) {
        const table = this.model.tables.get(fn.returnsTable) as TableInfo;
        const call = this.functionSource(ctx, fn, field, path);
        text = field.name.endsWith('_aggregate') && field.name !== fn.gqlName ? aggregateQuery(ctx, table, newAlias(ctx), field, path, 1, undefined, call) : listQuery(ctx, table, newAlias(ctx), field, path, 1, undefined, call);
      } else if (!target) throw new HasuraError('validation-failed', `field '${field.name}' not found in type: 'query_root'`, path);
      else if (target.kind === 'select') text = listQuery(ctx, target.table, newAlias(ctx), field, path, 1);
      else if (target.kind === 'select_aggregate') text = aggregateQuery(ctx, target.table, newAlias(ctx), field, path, 1);
      else text = byPkQuery(ctx, target.table, field, path);
      outputs.push({ key: field.key, statements: [statements.length], many: false });
      statements.push({ text, params: ctx.params.values, kind: 'query', path });
    }
    return { statements, outputs, mutation: false };
  }

  /** A tracked function's call with the client's `args` (and the session, when it takes one). */
  private functionSource(ctx: CompileContext, fn: FunctionInfo, field: CollectedField, path: string): string {
    const fixed = new Map<string, string>();
    if (fn.sessionArgument) fixed.set(fn.sessionArgument, ctx.params.typed(JSON.stringify(ctx.session), 'json'));
    return functionCall(ctx, fn.fn, fixed, argument(ctx, field.node, 'args'), `${path}.args.args`);
  }

  /**
   * Runs a compiled operation: its database statements in one transaction carrying the session (where
   * its first database field is), its actions in document order around it, introspection in memory.
   */
  private async respond(compiled: CompiledOperation, request: PreparedRequest, auth: ResolvedAuth): Promise<string> {
    let results: (string | null)[] | undefined;
    let introspection: Record<string, unknown> | undefined;
    const options: ExecuteOptions = compiled.mutation ? { dbRole: this.config.dbRole, setSession: true, trustMetadata: false, readOnly: false, statementTimeoutMs: this.config.statementTimeoutMs ?? 0 } : this.readOptions;
    const parts: string[] = [];
    for (const output of compiled.outputs) {
      let json: string;
      if ('json' in output) json = output.json;
      else if ('action' in output) json = JSON.stringify(await output.action());
      else if ('introspection' in output) {
        introspection ??= await this.introspect(compiled, request);
        json = JSON.stringify(introspection[output.key] ?? null);
      } else {
        results ??= await runInTransaction(this.sql, auth.session, compiled.statements, options);
        const answers = output.statements.map((index) => results?.[index] ?? null);
        if (output.many) json = `[${answers.map((answer) => answer ?? 'null').join(',')}]`;
        else json = output.shape ? output.shape(answers[0] ?? null) : (answers[0] ?? 'null');
      }
      parts.push(`${JSON.stringify(output.key)}:${json}`);
    }
    return `{"data":{${parts.join(',')}}}`;
  }

  /** The `__schema` / `__type` root fields of an operation, answered by graphql-js from the role's schema. */
  private async introspect(compiled: CompiledOperation, request: PreparedRequest): Promise<Record<string, unknown>> {
    const selections = compiled.outputs.flatMap((output) => ('introspection' in output ? [output.introspection] : []));
    const document: DocumentNode = {
      kind: Kind.DOCUMENT,
      definitions: [{ ...request.plan.operation, selectionSet: { kind: Kind.SELECTION_SET, selections } }, ...request.plan.fragments.values()],
    };
    const result = await executeGraphql({ schema: request.roleSchema.schema, document, variableValues: request.actionRequest.variables });
    if (result.errors && result.errors.length > 0) throw new HasuraError('validation-failed', result.errors[0]?.message ?? 'introspection failed', '$');
    return (result.data ?? {}) as Record<string, unknown>;
  }
}

/** Closures that carry one request's values (actions, nested-insert follow-ups) cannot be rebound. */
function isRebindable(compiled: CompiledOperation): boolean {
  return compiled.outputs.every((output) => !('action' in output) && !('shape' in output && output.shape)) && compiled.statements.every((statement) => !statement.followUp);
}

/** Everything of a compiled operation but its parameters: what two compiles must agree on. */
function fingerprint(compiled: CompiledOperation): string {
  return JSON.stringify({
    mutation: compiled.mutation,
    statements: compiled.statements.map(({ text, kind, path, checkError }) => [text, kind, path, checkError?.code, checkError?.message, checkError?.path]),
    outputs: compiled.outputs.map((output) => ('introspection' in output ? { key: output.key, introspection: true } : output)),
  });
}

export function errorBody(error: HasuraError, admin: boolean, devMode: boolean): string {
  return JSON.stringify({ errors: [toGraphqlError(error, admin || devMode)] });
}

function variableError(error: GraphQLError, schema: GraphQLSchema): HasuraError {
  const invalidEnum = hasuraEnumMessage(schema, error.message);
  if (invalidEnum) return new HasuraError('validation-failed', invalidEnum, '$');
  const missing = /^Variable "\$([^"]+)" of (?:required|non-null) type "[^"]+" (?:was not provided|must not be null)\.$/.exec(error.message);
  if (missing) return new HasuraError('validation-failed', `expecting a value for non-nullable variable: "${missing[1] ?? ''}"`, '$');
  const nullValue = /^Variable "\$[^"]+" got invalid value null.*Expected non-nullable type "([^"!]+)!?"/.exec(error.message);
  if (nullValue) return new HasuraError('validation-failed', `unexpected null value for type '${nullValue[1] ?? ''}'`, '$');
  return new HasuraError('validation-failed', error.message, '$');
}

/** graphql-js validation errors in Hasura's words, with a JSON path to the failing field. */
function validationError(roleSchema: RoleSchema, document: DocumentNode, error: GraphQLError): HasuraError {
  const node = error.nodes?.[0];
  const paths = new Map<unknown, string>();
  const stack: string[] = ['$'];
  const typeInfo = new TypeInfo(roleSchema.schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field: {
        enter(field: FieldNode) {
          const path = `${stack[stack.length - 1] ?? '$'}.selectionSet.${field.alias?.value ?? field.name.value}`;
          paths.set(field, path);
          stack.push(path);
          for (const arg of field.arguments ?? []) paths.set(arg, `${path}.args.${arg.name.value}`);
        },
        leave() {
          stack.pop();
        },
      },
      Argument: {
        enter(arg) {
          const base = paths.get(arg) ?? '$';
          const walk = (value: ValueNode, path: string): void => {
            paths.set(value, path);
            if (value.kind === Kind.OBJECT) {
              for (const field of value.fields) {
                paths.set(field, `${path}.${field.name.value}`);
                walk(field.value, `${path}.${field.name.value}`);
              }
            } else if (value.kind === Kind.LIST) value.values.forEach((item, index) => walk(item, `${path}[${index}]`));
          };
          walk(arg.value, base);
        },
      },
    }),
  );
  const path = (node && paths.get(node)) ?? '$';
  if (/^(Anonymous Subscription|Subscription "[^"]*") must select only one top level field\.$/.test(error.message)) return new HasuraError('validation-failed', 'subscriptions must select one top level field', '$');
  const invalidEnum = hasuraEnumMessage(roleSchema.schema, error.message);
  if (invalidEnum) return new HasuraError('validation-failed', invalidEnum, path);
  const unknownField = /^Cannot query field "([^"]+)" on type "([^"]+)"/.exec(error.message);
  if (unknownField) return new HasuraError('validation-failed', `field '${unknownField[1] ?? ''}' not found in type: '${unknownField[2] ?? ''}'`, path);
  const unknownArgument = /^Unknown argument "([^"]+)" on field "[^."]+\.([^"]+)"/.exec(error.message);
  if (unknownArgument) return new HasuraError('validation-failed', `'${unknownArgument[2] ?? ''}' has no argument named '${unknownArgument[1] ?? ''}'`, path);
  const unknownInput = /^Field "([^"]+)" is not defined by type "([^"]+)"/.exec(error.message);
  if (unknownInput) return new HasuraError('validation-failed', `field '${unknownInput[1] ?? ''}' not found in type: '${unknownInput[2] ?? ''}'`, path);
  const missingArgument = /^Field "[^"]+" argument "([^"]+)" of type "[^"]+" is required/.exec(error.message);
  if (missingArgument) return new HasuraError('validation-failed', `missing required field '${missingArgument[1] ?? ''}'`, `${path}.args`);
  return new HasuraError('validation-failed', error.message, path);
}
