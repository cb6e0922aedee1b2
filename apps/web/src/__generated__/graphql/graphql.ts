/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Boolean expression to compare columns of type "Boolean". All fields are combined with logical 'AND'. */
export type Boolean_Comparison_Exp = {
  _eq?: boolean | null | undefined;
  _gt?: boolean | null | undefined;
  _gte?: boolean | null | undefined;
  _in?: Array<boolean> | null | undefined;
  _is_null?: boolean | null | undefined;
  _lt?: boolean | null | undefined;
  _lte?: boolean | null | undefined;
  _neq?: boolean | null | undefined;
  _nin?: Array<boolean> | null | undefined;
};

/** Boolean expression to compare columns of type "Int". All fields are combined with logical 'AND'. */
export type Int_Comparison_Exp = {
  _eq?: number | null | undefined;
  _gt?: number | null | undefined;
  _gte?: number | null | undefined;
  _in?: Array<number> | null | undefined;
  _is_null?: boolean | null | undefined;
  _lt?: number | null | undefined;
  _lte?: number | null | undefined;
  _neq?: number | null | undefined;
  _nin?: Array<number> | null | undefined;
};

/** Boolean expression to compare columns of type "String". All fields are combined with logical 'AND'. */
export type String_Comparison_Exp = {
  _eq?: string | null | undefined;
  _gt?: string | null | undefined;
  _gte?: string | null | undefined;
  _ilike?: string | null | undefined;
  _in?: Array<string> | null | undefined;
  _iregex?: string | null | undefined;
  _is_null?: boolean | null | undefined;
  _like?: string | null | undefined;
  _lt?: string | null | undefined;
  _lte?: string | null | undefined;
  _neq?: string | null | undefined;
  _nilike?: string | null | undefined;
  _nin?: Array<string> | null | undefined;
  _niregex?: string | null | undefined;
  _nlike?: string | null | undefined;
  _nregex?: string | null | undefined;
  _nsimilar?: string | null | undefined;
  _regex?: string | null | undefined;
  _similar?: string | null | undefined;
};

/** Boolean expression to compare columns of type "_text". All fields are combined with logical 'AND'. */
export type _Text_Comparison_Exp = {
  _contained_in?: string[] | null | undefined;
  _contains?: string[] | null | undefined;
  _eq?: string[] | null | undefined;
  _gt?: string[] | null | undefined;
  _gte?: string[] | null | undefined;
  _in?: Array<string[]> | null | undefined;
  _is_null?: boolean | null | undefined;
  _lt?: string[] | null | undefined;
  _lte?: string[] | null | undefined;
  _neq?: string[] | null | undefined;
  _nin?: Array<string[]> | null | undefined;
};

/** Boolean expression to compare columns of type "_uuid". All fields are combined with logical 'AND'. */
export type _Uuid_Comparison_Exp = {
  _contained_in?: string[] | null | undefined;
  _contains?: string[] | null | undefined;
  _eq?: string[] | null | undefined;
  _gt?: string[] | null | undefined;
  _gte?: string[] | null | undefined;
  _in?: Array<string[]> | null | undefined;
  _is_null?: boolean | null | undefined;
  _lt?: string[] | null | undefined;
  _lte?: string[] | null | undefined;
  _neq?: string[] | null | undefined;
  _nin?: Array<string[]> | null | undefined;
};

export type Activity_Feed_Aggregate_Bool_Exp = {
  count?: Activity_Feed_Aggregate_Bool_Exp_Count | null | undefined;
};

export type Activity_Feed_Aggregate_Bool_Exp_Count = {
  arguments?: Array<Activity_Feed_Select_Column> | null | undefined;
  distinct?: boolean | null | undefined;
  filter?: Activity_Feed_Bool_Exp | null | undefined;
  predicate: Int_Comparison_Exp;
};

/** Boolean expression to filter rows from the table "activity_feed". All fields are combined with a logical 'AND'. */
export type Activity_Feed_Bool_Exp = {
  _and?: Array<Activity_Feed_Bool_Exp> | null | undefined;
  _not?: Activity_Feed_Bool_Exp | null | undefined;
  _or?: Array<Activity_Feed_Bool_Exp> | null | undefined;
  actor?: Users_Bool_Exp | null | undefined;
  actor_id?: Uuid_Comparison_Exp | null | undefined;
  created_at?: Timestamptz_Comparison_Exp | null | undefined;
  data?: Jsonb_Comparison_Exp | null | undefined;
  entity_id?: Uuid_Comparison_Exp | null | undefined;
  entity_type?: Entity_Types_Enum_Comparison_Exp | null | undefined;
  entity_type_info?: Entity_Types_Bool_Exp | null | undefined;
  id?: Uuid_Comparison_Exp | null | undefined;
  org?: Orgs_Bool_Exp | null | undefined;
  org_id?: Uuid_Comparison_Exp | null | undefined;
  summary?: String_Comparison_Exp | null | undefined;
  verb?: String_Comparison_Exp | null | undefined;
};

/** select columns of table "activity_feed" */
export type Activity_Feed_Select_Column =
  /** column name */
  | 'actor_id'
  /** column name */
  | 'created_at'
  /** column name */
  | 'data'
  /** column name */
  | 'entity_id'
  /** column name */
  | 'entity_type'
  /** column name */
  | 'id'
  /** column name */
  | 'org_id'
  /** column name */
  | 'summary'
  /** column name */
  | 'verb';

export type Audit_Log_Aggregate_Bool_Exp = {
  count?: Audit_Log_Aggregate_Bool_Exp_Count | null | undefined;
};

export type Audit_Log_Aggregate_Bool_Exp_Count = {
  arguments?: Array<Audit_Log_Select_Column> | null | undefined;
  distinct?: boolean | null | undefined;
  filter?: Audit_Log_Bool_Exp | null | undefined;
  predicate: Int_Comparison_Exp;
};

/** Boolean expression to filter rows from the table "audit_log". All fields are combined with a logical 'AND'. */
export type Audit_Log_Bool_Exp = {
  _and?: Array<Audit_Log_Bool_Exp> | null | undefined;
  _not?: Audit_Log_Bool_Exp | null | undefined;
  _or?: Array<Audit_Log_Bool_Exp> | null | undefined;
  action?: String_Comparison_Exp | null | undefined;
  actor?: Users_Bool_Exp | null | undefined;
  actor_id?: Uuid_Comparison_Exp | null | undefined;
  changes?: Jsonb_Comparison_Exp | null | undefined;
  id?: Uuid_Comparison_Exp | null | undefined;
  occurred_at?: Timestamptz_Comparison_Exp | null | undefined;
  org?: Orgs_Bool_Exp | null | undefined;
  org_id?: Uuid_Comparison_Exp | null | undefined;
  request_id?: String_Comparison_Exp | null | undefined;
  row_id?: Uuid_Comparison_Exp | null | undefined;
  table_name?: String_Comparison_Exp | null | undefined;
};

/** select columns of table "audit_log" */
export type Audit_Log_Select_Column =
  /** column name */
  | 'action'
  /** column name */
  | 'actor_id'
  /** column name */
  | 'changes'
  /** column name */
  | 'id'
  /** column name */
  | 'occurred_at'
  /** column name */
  | 'org_id'
  /** column name */
  | 'request_id'
  /** column name */
  | 'row_id'
  /** column name */
  | 'table_name';

/** Boolean expression to compare columns of type "bigint". All fields are combined with logical 'AND'. */
export type Bigint_Comparison_Exp = {
  _eq?: number | null | undefined;
  _gt?: number | null | undefined;
  _gte?: number | null | undefined;
  _in?: Array<number> | null | undefined;
  _is_null?: boolean | null | undefined;
  _lt?: number | null | undefined;
  _lte?: number | null | undefined;
  _neq?: number | null | undefined;
  _nin?: Array<number> | null | undefined;
};

export type Board_Columns_Aggregate_Bool_Exp = {
  count?: Board_Columns_Aggregate_Bool_Exp_Count | null | undefined;
};

export type Board_Columns_Aggregate_Bool_Exp_Count = {
  arguments?: Array<Board_Columns_Select_Column> | null | undefined;
  distinct?: boolean | null | undefined;
  filter?: Board_Columns_Bool_Exp | null | undefined;
  predicate: Int_Comparison_Exp;
};

/** Boolean expression to filter rows from the table "board_columns". All fields are combined with a logical 'AND'. */
export type Board_Columns_Bool_Exp = {
  _and?: Array<Board_Columns_Bool_Exp> | null | undefined;
  _not?: Board_Columns_Bool_Exp | null | undefined;
  _or?: Array<Board_Columns_Bool_Exp> | null | undefined;
  board?: Boards_Bool_Exp | null | undefined;
  board_id?: Uuid_Comparison_Exp | null | undefined;
  created_at?: Timestamptz_Comparison_Exp | null | undefined;
  id?: Uuid_Comparison_Exp | null | undefined;
  maps_to_status?: String_Comparison_Exp | null | undefined;
  name?: String_Comparison_Exp | null | undefined;
  org?: Orgs_Bool_Exp | null | undefined;
  org_id?: Uuid_Comparison_Exp | null | undefined;
  position?: Numeric_Comparison_Exp | null | undefined;
  project?: Projects_Bool_Exp | null | undefined;
  project_id?: Uuid_Comparison_Exp | null | undefined;
  tasks?: Tasks_Bool_Exp | null | undefined;
  tasks_aggregate?: Tasks_Aggregate_Bool_Exp | null | undefined;
  updated_at?: Timestamptz_Comparison_Exp | null | undefined;
  version?: Int_Comparison_Exp | null | undefined;
  wip_limit?: Int_Comparison_Exp | null | undefined;
};

/** select columns of table "board_columns" */
export type Board_Columns_Select_Column =
  /** column name */
  | 'board_id'
  /** column name */
  | 'created_at'
  /** column name */
  | 'id'
  /** column name */
  | 'maps_to_status'
  /** column name */
  | 'name'
  /** column name */
  | 'org_id'
  /** column name */
  | 'position'
  /** column name */
  | 'project_id'
  /** column name */
  | 'updated_at'
  /** column name */
  | 'version'
  /** column name */
  | 'wip_limit';

export type Boards_Aggregate_Bool_Exp = {
  count?: Boards_Aggregate_Bool_Exp_Count | null | undefined;
};

export type Boards_Aggregate_Bool_Exp_Count = {
  arguments?: Array<Boards_Select_Column> | null | undefined;
  distinct?: boolean | null | undefined;
  filter?: Boards_Bool_Exp | null | undefined;
  predicate: Int_Comparison_Exp;
};

/** Boolean expression to filter rows from the table "boards". All fields are combined with a logical 'AND'. */
export type Boards_Bool_Exp = {
  _and?: Array<Boards_Bool_Exp> | null | undefined;
  _not?: Boards_Bool_Exp | null | undefined;
  _or?: Array<Boards_Bool_Exp> | null | undefined;
  columns?: Board_Columns_Bool_Exp | null | undefined;
  columns_aggregate?: Board_Columns_Aggregate_Bool_Exp | null | undefined;
  config?: Jsonb_Comparison_Exp | null | undefined;
  created_at?: Timestamptz_Comparison_Exp | null | undefined;
  created_by?: Uuid_Comparison_Exp | null | undefined;
  creator?: Users_Bool_Exp | null | undefined;
  deleted_at?: Timestamptz_Comparison_Exp | null | undefined;
  deleted_by?: Uuid_Comparison_Exp | null | undefined;
  deleted_by_user?: Users_Bool_Exp | null | undefined;
  id?: Uuid_Comparison_Exp | null | undefined;
  name?: String_Comparison_Exp | null | undefined;
  org?: Orgs_Bool_Exp | null | undefined;
  org_id?: Uuid_Comparison_Exp | null | undefined;
  position?: Numeric_Comparison_Exp | null | undefined;
  project?: Projects_Bool_Exp | null | undefined;
  project_id?: Uuid_Comparison_Exp | null | undefined;
  updated_at?: Timestamptz_Comparison_Exp | null | undefined;
  version?: Int_Comparison_Exp | null | undefined;
  view_type?: String_Comparison_Exp | null | undefined;
};

/** select columns of table "boards" */
export type Boards_Select_Column =
  /** column name */
  | 'config'
  /** column name */
  | 'created_at'
  /** column name */
  | 'created_by'
  /** column name */
  | 'deleted_at'
  /** column name */
  | 'deleted_by'
  /** column name */
  | 'id'
  /** column name */
  | 'name'
  /** column name */
  | 'org_id'
  /** column name */
  | 'position'
  /** column name */
  | 'project_id'
  /** column name */
  | 'updated_at'
  /** column name */
  | 'version'
  /** column name */
  | 'view_type';

/** Boolean expression to compare columns of type "citext". All fields are combined with logical 'AND'. */
export type Citext_Comparison_Exp = {
  _eq?: string | null | undefined;
  _gt?: string | null | undefined;
  _gte?: string | null | undefined;
  _ilike?: string | null | undefined;
  _in?: Array<string> | null | undefined;
  _iregex?: string | null | undefined;
  _is_null?: boolean | null | undefined;
  _like?: string | null | undefined;
  _lt?: string | null | undefined;
  _lte?: string | null | undefined;
  _neq?: string | null | undefined;
  _nilike?: string | null | undefined;
  _nin?: Array<string> | null | undefined;
  _niregex?: string | null | undefined;
  _nlike?: string | null | undefined;
  _nregex?: string | null | undefined;
  _nsimilar?: string | null | undefined;
  _regex?: string | null | undefined;
  _similar?: string | null | undefined;
};

export type Comments_Aggregate_Bool_Exp = {
  count?: Comments_Aggregate_Bool_Exp_Count | null | undefined;
};

export type Comments_Aggregate_Bool_Exp_Count = {
  arguments?: Array<Comments_Select_Column> | null | undefined;
  distinct?: boolean | null | undefined;
  filter?: Comments_Bool_Exp | null | undefined;
  predicate: Int_Comparison_Exp;
};

/** Boolean expression to filter rows from the table "comments". All fields are combined with a logical 'AND'. */
export type Comments_Bool_Exp = {
  _and?: Array<Comments_Bool_Exp> | null | undefined;
  _not?: Comments_Bool_Exp | null | undefined;
  _or?: Array<Comments_Bool_Exp> | null | undefined;
  author?: Users_Bool_Exp | null | undefined;
  author_id?: Uuid_Comparison_Exp | null | undefined;
  body?: String_Comparison_Exp | null | undefined;
  created_at?: Timestamptz_Comparison_Exp | null | undefined;
  deleted_at?: Timestamptz_Comparison_Exp | null | undefined;
  deleted_by?: Uuid_Comparison_Exp | null | undefined;
  deleted_by_user?: Users_Bool_Exp | null | undefined;
  edited_at?: Timestamptz_Comparison_Exp | null | undefined;
  entity_id?: Uuid_Comparison_Exp | null | undefined;
  entity_type?: Entity_Types_Enum_Comparison_Exp | null | undefined;
  entity_type_info?: Entity_Types_Bool_Exp | null | undefined;
  id?: Uuid_Comparison_Exp | null | undefined;
  mentions?: _Uuid_Comparison_Exp | null | undefined;
  org?: Orgs_Bool_Exp | null | undefined;
  org_id?: Uuid_Comparison_Exp | null | undefined;
  parent?: Comments_Bool_Exp | null | undefined;
  parent_id?: Uuid_Comparison_Exp | null | undefined;
  replies?: Comments_Bool_Exp | null | undefined;
  replies_aggregate?: Comments_Aggregate_Bool_Exp | null | undefined;
  updated_at?: Timestamptz_Comparison_Exp | null | undefined;
  version?: Int_Comparison_Exp | null | undefined;
  visibility?: String_Comparison_Exp | null | undefined;
};

/** select columns of table "comments" */
export type Comments_Select_Column =
  /** column name */
  | 'author_id'
  /** column name */
  | 'body'
  /** column name */
  | 'created_at'
  /** column name */
  | 'deleted_at'
  /** column name */
  | 'deleted_by'
  /** column name */
  | 'edited_at'
  /** column name */
  | 'entity_id'
  /** column name */
  | 'entity_type'
  /** column name */
  | 'id'
  /** column name */
  | 'mentions'
  /** column name */
  | 'org_id'
  /** column name */
  | 'parent_id'
  /** column name */
  | 'updated_at'
  /** column name */
  | 'version'
  /** column name */
  | 'visibility';

/** Boolean expression to compare columns of type "date". All fields are combined with logical 'AND'. */
export type Date_Comparison_Exp = {
  _eq?: string | null | undefined;
  _gt?: string | null | undefined;
  _gte?: string | null | undefined;
  _in?: Array<string> | null | undefined;
  _is_null?: boolean | null | undefined;
  _lt?: string | null | undefined;
  _lte?: string | null | undefined;
  _neq?: string | null | undefined;
  _nin?: Array<string> | null | undefined;
};

export type Entity_Links_Aggregate_Bool_Exp = {
  count?: Entity_Links_Aggregate_Bool_Exp_Count | null | undefined;
};

export type Entity_Links_Aggregate_Bool_Exp_Count = {
  arguments?: Array<Entity_Links_Select_Column> | null | undefined;
  distinct?: boolean | null | undefined;
  filter?: Entity_Links_Bool_Exp | null | undefined;
  predicate: Int_Comparison_Exp;
};

/** Boolean expression to filter rows from the table "entity_links". All fields are combined with a logical 'AND'. */
export type Entity_Links_Bool_Exp = {
  _and?: Array<Entity_Links_Bool_Exp> | null | undefined;
  _not?: Entity_Links_Bool_Exp | null | undefined;
  _or?: Array<Entity_Links_Bool_Exp> | null | undefined;
  created_at?: Timestamptz_Comparison_Exp | null | undefined;
  created_by?: Uuid_Comparison_Exp | null | undefined;
  created_by_user?: Users_Bool_Exp | null | undefined;
  id?: Uuid_Comparison_Exp | null | undefined;
  link_type?: String_Comparison_Exp | null | undefined;
  org?: Orgs_Bool_Exp | null | undefined;
  org_id?: Uuid_Comparison_Exp | null | undefined;
  source_id?: Uuid_Comparison_Exp | null | undefined;
  source_type?: Entity_Types_Enum_Comparison_Exp | null | undefined;
  source_type_info?: Entity_Types_Bool_Exp | null | undefined;
  target_id?: Uuid_Comparison_Exp | null | undefined;
  target_type?: Entity_Types_Enum_Comparison_Exp | null | undefined;
  target_type_info?: Entity_Types_Bool_Exp | null | undefined;
  updated_at?: Timestamptz_Comparison_Exp | null | undefined;
  version?: Int_Comparison_Exp | null | undefined;
};

/** select columns of table "entity_links" */
export type Entity_Links_Select_Column =
  /** column name */
  | 'created_at'
  /** column name */
  | 'created_by'
  /** column name */
  | 'id'
  /** column name */
  | 'link_type'
  /** column name */
  | 'org_id'
  /** column name */
  | 'source_id'
  /** column name */
  | 'source_type'
  /** column name */
  | 'target_id'
  /** column name */
  | 'target_type'
  /** column name */
  | 'updated_at'
  /** column name */
  | 'version';

export type Entity_Tags_Aggregate_Bool_Exp = {
  count?: Entity_Tags_Aggregate_Bool_Exp_Count | null | undefined;
};

export type Entity_Tags_Aggregate_Bool_Exp_Count = {
  arguments?: Array<Entity_Tags_Select_Column> | null | undefined;
  distinct?: boolean | null | undefined;
  filter?: Entity_Tags_Bool_Exp | null | undefined;
  predicate: Int_Comparison_Exp;
};

/** Boolean expression to filter rows from the table "entity_tags". All fields are combined with a logical 'AND'. */
export type Entity_Tags_Bool_Exp = {
  _and?: Array<Entity_Tags_Bool_Exp> | null | undefined;
  _not?: Entity_Tags_Bool_Exp | null | undefined;
  _or?: Array<Entity_Tags_Bool_Exp> | null | undefined;
  created_at?: Timestamptz_Comparison_Exp | null | undefined;
  created_by?: Uuid_Comparison_Exp | null | undefined;
  created_by_user?: Users_Bool_Exp | null | undefined;
  entity_id?: Uuid_Comparison_Exp | null | undefined;
  entity_type?: Entity_Types_Enum_Comparison_Exp | null | undefined;
  entity_type_info?: Entity_Types_Bool_Exp | null | undefined;
  id?: Uuid_Comparison_Exp | null | undefined;
  org?: Orgs_Bool_Exp | null | undefined;
  org_id?: Uuid_Comparison_Exp | null | undefined;
  tag?: Tags_Bool_Exp | null | undefined;
  tag_id?: Uuid_Comparison_Exp | null | undefined;
  updated_at?: Timestamptz_Comparison_Exp | null | undefined;
  version?: Int_Comparison_Exp | null | undefined;
};

/** select columns of table "entity_tags" */
export type Entity_Tags_Select_Column =
  /** column name */
  | 'created_at'
  /** column name */
  | 'created_by'
  /** column name */
  | 'entity_id'
  /** column name */
  | 'entity_type'
  /** column name */
  | 'id'
  /** column name */
  | 'org_id'
  /** column name */
  | 'tag_id'
  /** column name */
  | 'updated_at'
  /** column name */
  | 'version';

/** Boolean expression to filter rows from the table "entity_types". All fields are combined with a logical 'AND'. */
export type Entity_Types_Bool_Exp = {
  _and?: Array<Entity_Types_Bool_Exp> | null | undefined;
  _not?: Entity_Types_Bool_Exp | null | undefined;
  _or?: Array<Entity_Types_Bool_Exp> | null | undefined;
  comment?: String_Comparison_Exp | null | undefined;
  value?: String_Comparison_Exp | null | undefined;
};

export type Entity_Types_Enum =
  /** Board */
  | 'board'
  /** Comment */
  | 'comment'
  /** File */
  | 'file'
  /** Organization */
  | 'org'
  /** Project */
  | 'project'
  /** Task */
  | 'task'
  /** Team */
  | 'team'
  /** Service-desk ticket */
  | 'ticket'
  /** Public reply or internal note on a ticket */
  | 'ticket_message'
  /** User */
  | 'user'
  /** Workspace */
  | 'workspace';

/** Boolean expression to compare columns of type "entity_types_enum". All fields are combined with logical 'AND'. */
export type Entity_Types_Enum_Comparison_Exp = {
  _eq?: Entity_Types_Enum | null | undefined;
  _in?: Array<Entity_Types_Enum> | null | undefined;
  _is_null?: boolean | null | undefined;
  _neq?: Entity_Types_Enum | null | undefined;
  _nin?: Array<Entity_Types_Enum> | null | undefined;
};

/** Boolean expression to filter rows from the table "feature_flags". All fields are combined with a logical 'AND'. */
export type Feature_Flags_Bool_Exp = {
  _and?: Array<Feature_Flags_Bool_Exp> | null | undefined;
  _not?: Feature_Flags_Bool_Exp | null | undefined;
  _or?: Array<Feature_Flags_Bool_Exp> | null | undefined;
  created_at?: Timestamptz_Comparison_Exp | null | undefined;
  description?: String_Comparison_Exp | null | undefined;
  enabled?: Boolean_Comparison_Exp | null | undefined;
  id?: Uuid_Comparison_Exp | null | undefined;
  key?: String_Comparison_Exp | null | undefined;
  org?: Orgs_Bool_Exp | null | undefined;
  org_id?: Uuid_Comparison_Exp | null | undefined;
  updated_at?: Timestamptz_Comparison_Exp | null | undefined;
  version?: Int_Comparison_Exp | null | undefined;
};

export type Files_Aggregate_Bool_Exp = {
  count?: Files_Aggregate_Bool_Exp_Count | null | undefined;
};

export type Files_Aggregate_Bool_Exp_Count = {
  arguments?: Array<Files_Select_Column> | null | undefined;
  distinct?: boolean | null | undefined;
  filter?: Files_Bool_Exp | null | undefined;
  predicate: Int_Comparison_Exp;
};

/** Boolean expression to filter rows from the table "files". All fields are combined with a logical 'AND'. */
export type Files_Bool_Exp = {
  _and?: Array<Files_Bool_Exp> | null | undefined;
  _not?: Files_Bool_Exp | null | undefined;
  _or?: Array<Files_Bool_Exp> | null | undefined;
  checksum_sha256?: String_Comparison_Exp | null | undefined;
  created_at?: Timestamptz_Comparison_Exp | null | undefined;
  declared_content_type?: String_Comparison_Exp | null | undefined;
  deleted_at?: Timestamptz_Comparison_Exp | null | undefined;
  deleted_by?: Uuid_Comparison_Exp | null | undefined;
  deleted_by_user?: Users_Bool_Exp | null | undefined;
  detected_content_type?: String_Comparison_Exp | null | undefined;
  entity_id?: Uuid_Comparison_Exp | null | undefined;
  entity_type?: Entity_Types_Enum_Comparison_Exp | null | undefined;
  entity_type_info?: Entity_Types_Bool_Exp | null | undefined;
  filename?: String_Comparison_Exp | null | undefined;
  id?: Uuid_Comparison_Exp | null | undefined;
  object_key?: String_Comparison_Exp | null | undefined;
  org?: Orgs_Bool_Exp | null | undefined;
  org_id?: Uuid_Comparison_Exp | null | undefined;
  size_bytes?: Bigint_Comparison_Exp | null | undefined;
  status?: String_Comparison_Exp | null | undefined;
  updated_at?: Timestamptz_Comparison_Exp | null | undefined;
  uploaded_by?: Uuid_Comparison_Exp | null | undefined;
  uploader?: Users_Bool_Exp | null | undefined;
  version?: Int_Comparison_Exp | null | undefined;
  visibility?: String_Comparison_Exp | null | undefined;
};

/** select columns of table "files" */
export type Files_Select_Column =
  /** column name */
  | 'checksum_sha256'
  /** column name */
  | 'created_at'
  /** column name */
  | 'declared_content_type'
  /** column name */
  | 'deleted_at'
  /** column name */
  | 'deleted_by'
  /** column name */
  | 'detected_content_type'
  /** column name */
  | 'entity_id'
  /** column name */
  | 'entity_type'
  /** column name */
  | 'filename'
  /** column name */
  | 'id'
  /** column name */
  | 'object_key'
  /** column name */
  | 'org_id'
  /** column name */
  | 'size_bytes'
  /** column name */
  | 'status'
  /** column name */
  | 'updated_at'
  /** column name */
  | 'uploaded_by'
  /** column name */
  | 'version'
  /** column name */
  | 'visibility';

export type Invitations_Aggregate_Bool_Exp = {
  count?: Invitations_Aggregate_Bool_Exp_Count | null | undefined;
};

export type Invitations_Aggregate_Bool_Exp_Count = {
  arguments?: Array<Invitations_Select_Column> | null | undefined;
  distinct?: boolean | null | undefined;
  filter?: Invitations_Bool_Exp | null | undefined;
  predicate: Int_Comparison_Exp;
};

/** Boolean expression to filter rows from the table "invitations". All fields are combined with a logical 'AND'. */
export type Invitations_Bool_Exp = {
  _and?: Array<Invitations_Bool_Exp> | null | undefined;
  _not?: Invitations_Bool_Exp | null | undefined;
  _or?: Array<Invitations_Bool_Exp> | null | undefined;
  accepted_at?: Timestamptz_Comparison_Exp | null | undefined;
  accepted_by?: Uuid_Comparison_Exp | null | undefined;
  accepted_by_user?: Users_Bool_Exp | null | undefined;
  created_at?: Timestamptz_Comparison_Exp | null | undefined;
  email?: Citext_Comparison_Exp | null | undefined;
  expires_at?: Timestamptz_Comparison_Exp | null | undefined;
  id?: Uuid_Comparison_Exp | null | undefined;
  invited_by?: Uuid_Comparison_Exp | null | undefined;
  invited_by_user?: Users_Bool_Exp | null | undefined;
  message?: String_Comparison_Exp | null | undefined;
  org?: Orgs_Bool_Exp | null | undefined;
  org_id?: Uuid_Comparison_Exp | null | undefined;
  revoked_at?: Timestamptz_Comparison_Exp | null | undefined;
  role?: Org_Roles_Enum_Comparison_Exp | null | undefined;
  role_info?: Org_Roles_Bool_Exp | null | undefined;
  updated_at?: Timestamptz_Comparison_Exp | null | undefined;
  version?: Int_Comparison_Exp | null | undefined;
};

/** select columns of table "invitations" */
export type Invitations_Select_Column =
  /** column name */
  | 'accepted_at'
  /** column name */
  | 'accepted_by'
  /** column name */
  | 'created_at'
  /** column name */
  | 'email'
  /** column name */
  | 'expires_at'
  /** column name */
  | 'id'
  /** column name */
  | 'invited_by'
  /** column name */
  | 'message'
  /** column name */
  | 'org_id'
  /** column name */
  | 'revoked_at'
  /** column name */
  | 'role'
  /** column name */
  | 'updated_at'
  /** column name */
  | 'version';

export type Jsonb_Cast_Exp = {
  String?: String_Comparison_Exp | null | undefined;
};

/** Boolean expression to compare columns of type "jsonb". All fields are combined with logical 'AND'. */
export type Jsonb_Comparison_Exp = {
  _cast?: Jsonb_Cast_Exp | null | undefined;
  _contained_in?: unknown;
  _contains?: unknown;
  _eq?: unknown;
  _gt?: unknown;
  _gte?: unknown;
  _has_key?: string | null | undefined;
  _has_keys_all?: Array<string> | null | undefined;
  _has_keys_any?: Array<string> | null | undefined;
  _in?: Array<unknown> | null | undefined;
  _is_null?: boolean | null | undefined;
  _lt?: unknown;
  _lte?: unknown;
  _neq?: unknown;
  _nin?: Array<unknown> | null | undefined;
};

/** Boolean expression to filter rows from the table "notification_preferences". All fields are combined with a logical 'AND'. */
export type Notification_Preferences_Bool_Exp = {
  _and?: Array<Notification_Preferences_Bool_Exp> | null | undefined;
  _not?: Notification_Preferences_Bool_Exp | null | undefined;
  _or?: Array<Notification_Preferences_Bool_Exp> | null | undefined;
  channel?: String_Comparison_Exp | null | undefined;
  created_at?: Timestamptz_Comparison_Exp | null | undefined;
  digest?: String_Comparison_Exp | null | undefined;
  enabled?: Boolean_Comparison_Exp | null | undefined;
  event_type?: String_Comparison_Exp | null | undefined;
  id?: Uuid_Comparison_Exp | null | undefined;
  membership?: Org_Memberships_Bool_Exp | null | undefined;
  muted_until?: Timestamptz_Comparison_Exp | null | undefined;
  org?: Orgs_Bool_Exp | null | undefined;
  org_id?: Uuid_Comparison_Exp | null | undefined;
  updated_at?: Timestamptz_Comparison_Exp | null | undefined;
  user?: Users_Bool_Exp | null | undefined;
  user_id?: Uuid_Comparison_Exp | null | undefined;
  version?: Int_Comparison_Exp | null | undefined;
};

export type Notifications_Aggregate_Bool_Exp = {
  count?: Notifications_Aggregate_Bool_Exp_Count | null | undefined;
};

export type Notifications_Aggregate_Bool_Exp_Count = {
  arguments?: Array<Notifications_Select_Column> | null | undefined;
  distinct?: boolean | null | undefined;
  filter?: Notifications_Bool_Exp | null | undefined;
  predicate: Int_Comparison_Exp;
};

/** Boolean expression to filter rows from the table "notifications". All fields are combined with a logical 'AND'. */
export type Notifications_Bool_Exp = {
  _and?: Array<Notifications_Bool_Exp> | null | undefined;
  _not?: Notifications_Bool_Exp | null | undefined;
  _or?: Array<Notifications_Bool_Exp> | null | undefined;
  actor?: Users_Bool_Exp | null | undefined;
  actor_id?: Uuid_Comparison_Exp | null | undefined;
  archived_at?: Timestamptz_Comparison_Exp | null | undefined;
  body?: String_Comparison_Exp | null | undefined;
  created_at?: Timestamptz_Comparison_Exp | null | undefined;
  data?: Jsonb_Comparison_Exp | null | undefined;
  entity_id?: Uuid_Comparison_Exp | null | undefined;
  entity_type?: Entity_Types_Enum_Comparison_Exp | null | undefined;
  entity_type_info?: Entity_Types_Bool_Exp | null | undefined;
  event_type?: String_Comparison_Exp | null | undefined;
  id?: Uuid_Comparison_Exp | null | undefined;
  membership?: Org_Memberships_Bool_Exp | null | undefined;
  org?: Orgs_Bool_Exp | null | undefined;
  org_id?: Uuid_Comparison_Exp | null | undefined;
  read_at?: Timestamptz_Comparison_Exp | null | undefined;
  title?: String_Comparison_Exp | null | undefined;
  updated_at?: Timestamptz_Comparison_Exp | null | undefined;
  user?: Users_Bool_Exp | null | undefined;
  user_id?: Uuid_Comparison_Exp | null | undefined;
  version?: Int_Comparison_Exp | null | undefined;
};

/** select columns of table "notifications" */
export type Notifications_Select_Column =
  /** column name */
  | 'actor_id'
  /** column name */
  | 'archived_at'
  /** column name */
  | 'body'
  /** column name */
  | 'created_at'
  /** column name */
  | 'data'
  /** column name */
  | 'entity_id'
  /** column name */
  | 'entity_type'
  /** column name */
  | 'event_type'
  /** column name */
  | 'id'
  /** column name */
  | 'org_id'
  /** column name */
  | 'read_at'
  /** column name */
  | 'title'
  /** column name */
  | 'updated_at'
  /** column name */
  | 'user_id'
  /** column name */
  | 'version';

/** Boolean expression to compare columns of type "numeric". All fields are combined with logical 'AND'. */
export type Numeric_Comparison_Exp = {
  _eq?: number | null | undefined;
  _gt?: number | null | undefined;
  _gte?: number | null | undefined;
  _in?: Array<number> | null | undefined;
  _is_null?: boolean | null | undefined;
  _lt?: number | null | undefined;
  _lte?: number | null | undefined;
  _neq?: number | null | undefined;
  _nin?: Array<number> | null | undefined;
};

export type Org_Memberships_Aggregate_Bool_Exp = {
  count?: Org_Memberships_Aggregate_Bool_Exp_Count | null | undefined;
};

export type Org_Memberships_Aggregate_Bool_Exp_Count = {
  arguments?: Array<Org_Memberships_Select_Column> | null | undefined;
  distinct?: boolean | null | undefined;
  filter?: Org_Memberships_Bool_Exp | null | undefined;
  predicate: Int_Comparison_Exp;
};

/** Boolean expression to filter rows from the table "org_memberships". All fields are combined with a logical 'AND'. */
export type Org_Memberships_Bool_Exp = {
  _and?: Array<Org_Memberships_Bool_Exp> | null | undefined;
  _not?: Org_Memberships_Bool_Exp | null | undefined;
  _or?: Array<Org_Memberships_Bool_Exp> | null | undefined;
  created_at?: Timestamptz_Comparison_Exp | null | undefined;
  id?: Uuid_Comparison_Exp | null | undefined;
  invited_by?: Uuid_Comparison_Exp | null | undefined;
  invited_by_user?: Users_Bool_Exp | null | undefined;
  notification_preferences?: Notification_Preferences_Bool_Exp | null | undefined;
  notifications?: Notifications_Bool_Exp | null | undefined;
  notifications_aggregate?: Notifications_Aggregate_Bool_Exp | null | undefined;
  org?: Orgs_Bool_Exp | null | undefined;
  org_id?: Uuid_Comparison_Exp | null | undefined;
  role?: Org_Roles_Enum_Comparison_Exp | null | undefined;
  role_info?: Org_Roles_Bool_Exp | null | undefined;
  team_memberships?: Team_Members_Bool_Exp | null | undefined;
  team_memberships_aggregate?: Team_Members_Aggregate_Bool_Exp | null | undefined;
  time_entries?: Time_Entries_Bool_Exp | null | undefined;
  time_entries_aggregate?: Time_Entries_Aggregate_Bool_Exp | null | undefined;
  title?: String_Comparison_Exp | null | undefined;
  updated_at?: Timestamptz_Comparison_Exp | null | undefined;
  user?: Users_Bool_Exp | null | undefined;
  user_id?: Uuid_Comparison_Exp | null | undefined;
  version?: Int_Comparison_Exp | null | undefined;
};

/** select columns of table "org_memberships" */
export type Org_Memberships_Select_Column =
  /** column name */
  | 'created_at'
  /** column name */
  | 'id'
  /** column name */
  | 'invited_by'
  /** column name */
  | 'org_id'
  /** column name */
  | 'role'
  /** column name */
  | 'title'
  /** column name */
  | 'updated_at'
  /** column name */
  | 'user_id'
  /** column name */
  | 'version';

/** Boolean expression to filter rows from the table "org_roles". All fields are combined with a logical 'AND'. */
export type Org_Roles_Bool_Exp = {
  _and?: Array<Org_Roles_Bool_Exp> | null | undefined;
  _not?: Org_Roles_Bool_Exp | null | undefined;
  _or?: Array<Org_Roles_Bool_Exp> | null | undefined;
  comment?: String_Comparison_Exp | null | undefined;
  value?: String_Comparison_Exp | null | undefined;
};

export type Org_Roles_Enum =
  /** Manages members, settings and integrations */
  | 'admin'
  /** Works service-desk tickets */
  | 'agent'
  /** Sees only what is shared with them */
  | 'guest'
  /** Manages teams, projects and queues */
  | 'manager'
  /** Works on projects and tasks */
  | 'member'
  /** Full control, billing, can delete the org */
  | 'owner'
  /** Files tickets and sees only their own */
  | 'requester';

/** Boolean expression to compare columns of type "org_roles_enum". All fields are combined with logical 'AND'. */
export type Org_Roles_Enum_Comparison_Exp = {
  _eq?: Org_Roles_Enum | null | undefined;
  _in?: Array<Org_Roles_Enum> | null | undefined;
  _is_null?: boolean | null | undefined;
  _neq?: Org_Roles_Enum | null | undefined;
  _nin?: Array<Org_Roles_Enum> | null | undefined;
};

/** Boolean expression to filter rows from the table "orgs". All fields are combined with a logical 'AND'. */
export type Orgs_Bool_Exp = {
  _and?: Array<Orgs_Bool_Exp> | null | undefined;
  _not?: Orgs_Bool_Exp | null | undefined;
  _or?: Array<Orgs_Bool_Exp> | null | undefined;
  activity_feed?: Activity_Feed_Bool_Exp | null | undefined;
  activity_feed_aggregate?: Activity_Feed_Aggregate_Bool_Exp | null | undefined;
  audit_log?: Audit_Log_Bool_Exp | null | undefined;
  audit_log_aggregate?: Audit_Log_Aggregate_Bool_Exp | null | undefined;
  comments?: Comments_Bool_Exp | null | undefined;
  comments_aggregate?: Comments_Aggregate_Bool_Exp | null | undefined;
  created_at?: Timestamptz_Comparison_Exp | null | undefined;
  created_by?: Uuid_Comparison_Exp | null | undefined;
  created_by_user?: Users_Bool_Exp | null | undefined;
  deleted_at?: Timestamptz_Comparison_Exp | null | undefined;
  deleted_by?: Uuid_Comparison_Exp | null | undefined;
  deleted_by_user?: Users_Bool_Exp | null | undefined;
  entity_links?: Entity_Links_Bool_Exp | null | undefined;
  entity_links_aggregate?: Entity_Links_Aggregate_Bool_Exp | null | undefined;
  entity_tags?: Entity_Tags_Bool_Exp | null | undefined;
  entity_tags_aggregate?: Entity_Tags_Aggregate_Bool_Exp | null | undefined;
  feature_flags?: Feature_Flags_Bool_Exp | null | undefined;
  files?: Files_Bool_Exp | null | undefined;
  files_aggregate?: Files_Aggregate_Bool_Exp | null | undefined;
  id?: Uuid_Comparison_Exp | null | undefined;
  invitations?: Invitations_Bool_Exp | null | undefined;
  invitations_aggregate?: Invitations_Aggregate_Bool_Exp | null | undefined;
  locale?: String_Comparison_Exp | null | undefined;
  logo_file?: Files_Bool_Exp | null | undefined;
  logo_file_id?: Uuid_Comparison_Exp | null | undefined;
  memberships?: Org_Memberships_Bool_Exp | null | undefined;
  memberships_aggregate?: Org_Memberships_Aggregate_Bool_Exp | null | undefined;
  name?: String_Comparison_Exp | null | undefined;
  notification_preferences?: Notification_Preferences_Bool_Exp | null | undefined;
  notifications?: Notifications_Bool_Exp | null | undefined;
  notifications_aggregate?: Notifications_Aggregate_Bool_Exp | null | undefined;
  plan?: String_Comparison_Exp | null | undefined;
  settings?: Settings_Bool_Exp | null | undefined;
  slug?: Citext_Comparison_Exp | null | undefined;
  tags?: Tags_Bool_Exp | null | undefined;
  tags_aggregate?: Tags_Aggregate_Bool_Exp | null | undefined;
  team_members?: Team_Members_Bool_Exp | null | undefined;
  team_members_aggregate?: Team_Members_Aggregate_Bool_Exp | null | undefined;
  teams?: Teams_Bool_Exp | null | undefined;
  teams_aggregate?: Teams_Aggregate_Bool_Exp | null | undefined;
  timezone?: String_Comparison_Exp | null | undefined;
  updated_at?: Timestamptz_Comparison_Exp | null | undefined;
  version?: Int_Comparison_Exp | null | undefined;
};

export type Project_Custom_Fields_Aggregate_Bool_Exp = {
  bool_and?: Project_Custom_Fields_Aggregate_Bool_Exp_Bool_And | null | undefined;
  bool_or?: Project_Custom_Fields_Aggregate_Bool_Exp_Bool_Or | null | undefined;
  count?: Project_Custom_Fields_Aggregate_Bool_Exp_Count | null | undefined;
};

export type Project_Custom_Fields_Aggregate_Bool_Exp_Bool_And = {
  arguments: Project_Custom_Fields_Select_Column_Project_Custom_Fields_Aggregate_Bool_Exp_Bool_And_Arguments_Columns;
  distinct?: boolean | null | undefined;
  filter?: Project_Custom_Fields_Bool_Exp | null | undefined;
  predicate: Boolean_Comparison_Exp;
};

export type Project_Custom_Fields_Aggregate_Bool_Exp_Bool_Or = {
  arguments: Project_Custom_Fields_Select_Column_Project_Custom_Fields_Aggregate_Bool_Exp_Bool_Or_Arguments_Columns;
  distinct?: boolean | null | undefined;
  filter?: Project_Custom_Fields_Bool_Exp | null | undefined;
  predicate: Boolean_Comparison_Exp;
};

export type Project_Custom_Fields_Aggregate_Bool_Exp_Count = {
  arguments?: Array<Project_Custom_Fields_Select_Column> | null | undefined;
  distinct?: boolean | null | undefined;
  filter?: Project_Custom_Fields_Bool_Exp | null | undefined;
  predicate: Int_Comparison_Exp;
};

/** Boolean expression to filter rows from the table "project_custom_fields". All fields are combined with a logical 'AND'. */
export type Project_Custom_Fields_Bool_Exp = {
  _and?: Array<Project_Custom_Fields_Bool_Exp> | null | undefined;
  _not?: Project_Custom_Fields_Bool_Exp | null | undefined;
  _or?: Array<Project_Custom_Fields_Bool_Exp> | null | undefined;
  created_at?: Timestamptz_Comparison_Exp | null | undefined;
  id?: Uuid_Comparison_Exp | null | undefined;
  key?: String_Comparison_Exp | null | undefined;
  label?: String_Comparison_Exp | null | undefined;
  options?: _Text_Comparison_Exp | null | undefined;
  org?: Orgs_Bool_Exp | null | undefined;
  org_id?: Uuid_Comparison_Exp | null | undefined;
  position?: Numeric_Comparison_Exp | null | undefined;
  project?: Projects_Bool_Exp | null | undefined;
  project_id?: Uuid_Comparison_Exp | null | undefined;
  required?: Boolean_Comparison_Exp | null | undefined;
  type?: String_Comparison_Exp | null | undefined;
  updated_at?: Timestamptz_Comparison_Exp | null | undefined;
  version?: Int_Comparison_Exp | null | undefined;
};

/** select columns of table "project_custom_fields" */
export type Project_Custom_Fields_Select_Column =
  /** column name */
  | 'created_at'
  /** column name */
  | 'id'
  /** column name */
  | 'key'
  /** column name */
  | 'label'
  /** column name */
  | 'options'
  /** column name */
  | 'org_id'
  /** column name */
  | 'position'
  /** column name */
  | 'project_id'
  /** column name */
  | 'required'
  /** column name */
  | 'type'
  /** column name */
  | 'updated_at'
  /** column name */
  | 'version';

/** select "project_custom_fields_aggregate_bool_exp_bool_and_arguments_columns" columns of table "project_custom_fields" */
export type Project_Custom_Fields_Select_Column_Project_Custom_Fields_Aggregate_Bool_Exp_Bool_And_Arguments_Columns =
  /** column name */
  | 'required';

/** select "project_custom_fields_aggregate_bool_exp_bool_or_arguments_columns" columns of table "project_custom_fields" */
export type Project_Custom_Fields_Select_Column_Project_Custom_Fields_Aggregate_Bool_Exp_Bool_Or_Arguments_Columns =
  /** column name */
  | 'required';

export type Project_Members_Aggregate_Bool_Exp = {
  count?: Project_Members_Aggregate_Bool_Exp_Count | null | undefined;
};

export type Project_Members_Aggregate_Bool_Exp_Count = {
  arguments?: Array<Project_Members_Select_Column> | null | undefined;
  distinct?: boolean | null | undefined;
  filter?: Project_Members_Bool_Exp | null | undefined;
  predicate: Int_Comparison_Exp;
};

/** Boolean expression to filter rows from the table "project_members". All fields are combined with a logical 'AND'. */
export type Project_Members_Bool_Exp = {
  _and?: Array<Project_Members_Bool_Exp> | null | undefined;
  _not?: Project_Members_Bool_Exp | null | undefined;
  _or?: Array<Project_Members_Bool_Exp> | null | undefined;
  created_at?: Timestamptz_Comparison_Exp | null | undefined;
  id?: Uuid_Comparison_Exp | null | undefined;
  membership?: Org_Memberships_Bool_Exp | null | undefined;
  org?: Orgs_Bool_Exp | null | undefined;
  org_id?: Uuid_Comparison_Exp | null | undefined;
  project?: Projects_Bool_Exp | null | undefined;
  project_id?: Uuid_Comparison_Exp | null | undefined;
  role?: String_Comparison_Exp | null | undefined;
  updated_at?: Timestamptz_Comparison_Exp | null | undefined;
  user?: Users_Bool_Exp | null | undefined;
  user_id?: Uuid_Comparison_Exp | null | undefined;
  version?: Int_Comparison_Exp | null | undefined;
};

/** select columns of table "project_members" */
export type Project_Members_Select_Column =
  /** column name */
  | 'created_at'
  /** column name */
  | 'id'
  /** column name */
  | 'org_id'
  /** column name */
  | 'project_id'
  /** column name */
  | 'role'
  /** column name */
  | 'updated_at'
  /** column name */
  | 'user_id'
  /** column name */
  | 'version';

export type Projects_Aggregate_Bool_Exp = {
  count?: Projects_Aggregate_Bool_Exp_Count | null | undefined;
};

export type Projects_Aggregate_Bool_Exp_Count = {
  arguments?: Array<Projects_Select_Column> | null | undefined;
  distinct?: boolean | null | undefined;
  filter?: Projects_Bool_Exp | null | undefined;
  predicate: Int_Comparison_Exp;
};

/** Boolean expression to filter rows from the table "projects". All fields are combined with a logical 'AND'. */
export type Projects_Bool_Exp = {
  _and?: Array<Projects_Bool_Exp> | null | undefined;
  _not?: Projects_Bool_Exp | null | undefined;
  _or?: Array<Projects_Bool_Exp> | null | undefined;
  boards?: Boards_Bool_Exp | null | undefined;
  boards_aggregate?: Boards_Aggregate_Bool_Exp | null | undefined;
  color?: String_Comparison_Exp | null | undefined;
  created_at?: Timestamptz_Comparison_Exp | null | undefined;
  created_by?: Uuid_Comparison_Exp | null | undefined;
  creator?: Users_Bool_Exp | null | undefined;
  custom_fields?: Project_Custom_Fields_Bool_Exp | null | undefined;
  custom_fields_aggregate?: Project_Custom_Fields_Aggregate_Bool_Exp | null | undefined;
  deleted_at?: Timestamptz_Comparison_Exp | null | undefined;
  deleted_by?: Uuid_Comparison_Exp | null | undefined;
  deleted_by_user?: Users_Bool_Exp | null | undefined;
  description?: String_Comparison_Exp | null | undefined;
  id?: Uuid_Comparison_Exp | null | undefined;
  key?: String_Comparison_Exp | null | undefined;
  members?: Project_Members_Bool_Exp | null | undefined;
  members_aggregate?: Project_Members_Aggregate_Bool_Exp | null | undefined;
  name?: String_Comparison_Exp | null | undefined;
  org?: Orgs_Bool_Exp | null | undefined;
  org_id?: Uuid_Comparison_Exp | null | undefined;
  saved_views?: Saved_Views_Bool_Exp | null | undefined;
  saved_views_aggregate?: Saved_Views_Aggregate_Bool_Exp | null | undefined;
  start_date?: Date_Comparison_Exp | null | undefined;
  status?: String_Comparison_Exp | null | undefined;
  target_date?: Date_Comparison_Exp | null | undefined;
  tasks?: Tasks_Bool_Exp | null | undefined;
  tasks_aggregate?: Tasks_Aggregate_Bool_Exp | null | undefined;
  time_entries?: Time_Entries_Bool_Exp | null | undefined;
  time_entries_aggregate?: Time_Entries_Aggregate_Bool_Exp | null | undefined;
  updated_at?: Timestamptz_Comparison_Exp | null | undefined;
  version?: Int_Comparison_Exp | null | undefined;
  visibility?: String_Comparison_Exp | null | undefined;
  workspace?: Workspaces_Bool_Exp | null | undefined;
  workspace_id?: Uuid_Comparison_Exp | null | undefined;
};

/** select columns of table "projects" */
export type Projects_Select_Column =
  /** column name */
  | 'color'
  /** column name */
  | 'created_at'
  /** column name */
  | 'created_by'
  /** column name */
  | 'deleted_at'
  /** column name */
  | 'deleted_by'
  /** column name */
  | 'description'
  /** column name */
  | 'id'
  /** column name */
  | 'key'
  /** column name */
  | 'name'
  /** column name */
  | 'org_id'
  /** column name */
  | 'start_date'
  /** column name */
  | 'status'
  /** column name */
  | 'target_date'
  /** column name */
  | 'updated_at'
  /** column name */
  | 'version'
  /** column name */
  | 'visibility'
  /** column name */
  | 'workspace_id';

/** Boolean expression to filter rows from the table "recurring_task_rules". All fields are combined with a logical 'AND'. */
export type Recurring_Task_Rules_Bool_Exp = {
  _and?: Array<Recurring_Task_Rules_Bool_Exp> | null | undefined;
  _not?: Recurring_Task_Rules_Bool_Exp | null | undefined;
  _or?: Array<Recurring_Task_Rules_Bool_Exp> | null | undefined;
  active?: Boolean_Comparison_Exp | null | undefined;
  assignee_ids?: _Uuid_Comparison_Exp | null | undefined;
  assignee_strategy?: String_Comparison_Exp | null | undefined;
  column?: Board_Columns_Bool_Exp | null | undefined;
  column_id?: Uuid_Comparison_Exp | null | undefined;
  created_at?: Timestamptz_Comparison_Exp | null | undefined;
  created_by?: Uuid_Comparison_Exp | null | undefined;
  creator?: Users_Bool_Exp | null | undefined;
  cron?: String_Comparison_Exp | null | undefined;
  description?: String_Comparison_Exp | null | undefined;
  due_in_days?: Int_Comparison_Exp | null | undefined;
  id?: Uuid_Comparison_Exp | null | undefined;
  last_error?: String_Comparison_Exp | null | undefined;
  last_occurrence_at?: Timestamptz_Comparison_Exp | null | undefined;
  next_run_at?: Timestamptz_Comparison_Exp | null | undefined;
  org?: Orgs_Bool_Exp | null | undefined;
  org_id?: Uuid_Comparison_Exp | null | undefined;
  priority?: String_Comparison_Exp | null | undefined;
  project?: Projects_Bool_Exp | null | undefined;
  project_id?: Uuid_Comparison_Exp | null | undefined;
  rotation_index?: Int_Comparison_Exp | null | undefined;
  tasks?: Tasks_Bool_Exp | null | undefined;
  tasks_aggregate?: Tasks_Aggregate_Bool_Exp | null | undefined;
  timezone?: String_Comparison_Exp | null | undefined;
  title?: String_Comparison_Exp | null | undefined;
  updated_at?: Timestamptz_Comparison_Exp | null | undefined;
  version?: Int_Comparison_Exp | null | undefined;
};

export type Saved_Views_Aggregate_Bool_Exp = {
  count?: Saved_Views_Aggregate_Bool_Exp_Count | null | undefined;
};

export type Saved_Views_Aggregate_Bool_Exp_Count = {
  arguments?: Array<Saved_Views_Select_Column> | null | undefined;
  distinct?: boolean | null | undefined;
  filter?: Saved_Views_Bool_Exp | null | undefined;
  predicate: Int_Comparison_Exp;
};

/** Boolean expression to filter rows from the table "saved_views". All fields are combined with a logical 'AND'. */
export type Saved_Views_Bool_Exp = {
  _and?: Array<Saved_Views_Bool_Exp> | null | undefined;
  _not?: Saved_Views_Bool_Exp | null | undefined;
  _or?: Array<Saved_Views_Bool_Exp> | null | undefined;
  created_at?: Timestamptz_Comparison_Exp | null | undefined;
  filters?: Jsonb_Comparison_Exp | null | undefined;
  grouping?: Jsonb_Comparison_Exp | null | undefined;
  id?: Uuid_Comparison_Exp | null | undefined;
  name?: String_Comparison_Exp | null | undefined;
  org?: Orgs_Bool_Exp | null | undefined;
  org_id?: Uuid_Comparison_Exp | null | undefined;
  owner?: Org_Memberships_Bool_Exp | null | undefined;
  owner_id?: Uuid_Comparison_Exp | null | undefined;
  owner_user?: Users_Bool_Exp | null | undefined;
  project?: Projects_Bool_Exp | null | undefined;
  project_id?: Uuid_Comparison_Exp | null | undefined;
  scope?: String_Comparison_Exp | null | undefined;
  sort?: Jsonb_Comparison_Exp | null | undefined;
  updated_at?: Timestamptz_Comparison_Exp | null | undefined;
  version?: Int_Comparison_Exp | null | undefined;
  view_type?: String_Comparison_Exp | null | undefined;
};

/** select columns of table "saved_views" */
export type Saved_Views_Select_Column =
  /** column name */
  | 'created_at'
  /** column name */
  | 'filters'
  /** column name */
  | 'grouping'
  /** column name */
  | 'id'
  /** column name */
  | 'name'
  /** column name */
  | 'org_id'
  /** column name */
  | 'owner_id'
  /** column name */
  | 'project_id'
  /** column name */
  | 'scope'
  /** column name */
  | 'sort'
  /** column name */
  | 'updated_at'
  /** column name */
  | 'version'
  /** column name */
  | 'view_type';

/** Boolean expression to filter rows from the table "settings". All fields are combined with a logical 'AND'. */
export type Settings_Bool_Exp = {
  _and?: Array<Settings_Bool_Exp> | null | undefined;
  _not?: Settings_Bool_Exp | null | undefined;
  _or?: Array<Settings_Bool_Exp> | null | undefined;
  created_at?: Timestamptz_Comparison_Exp | null | undefined;
  id?: Uuid_Comparison_Exp | null | undefined;
  key?: String_Comparison_Exp | null | undefined;
  org?: Orgs_Bool_Exp | null | undefined;
  org_id?: Uuid_Comparison_Exp | null | undefined;
  updated_at?: Timestamptz_Comparison_Exp | null | undefined;
  value?: Jsonb_Comparison_Exp | null | undefined;
  version?: Int_Comparison_Exp | null | undefined;
};

export type Tags_Aggregate_Bool_Exp = {
  count?: Tags_Aggregate_Bool_Exp_Count | null | undefined;
};

export type Tags_Aggregate_Bool_Exp_Count = {
  arguments?: Array<Tags_Select_Column> | null | undefined;
  distinct?: boolean | null | undefined;
  filter?: Tags_Bool_Exp | null | undefined;
  predicate: Int_Comparison_Exp;
};

/** Boolean expression to filter rows from the table "tags". All fields are combined with a logical 'AND'. */
export type Tags_Bool_Exp = {
  _and?: Array<Tags_Bool_Exp> | null | undefined;
  _not?: Tags_Bool_Exp | null | undefined;
  _or?: Array<Tags_Bool_Exp> | null | undefined;
  color?: String_Comparison_Exp | null | undefined;
  created_at?: Timestamptz_Comparison_Exp | null | undefined;
  created_by?: Uuid_Comparison_Exp | null | undefined;
  created_by_user?: Users_Bool_Exp | null | undefined;
  deleted_at?: Timestamptz_Comparison_Exp | null | undefined;
  deleted_by?: Uuid_Comparison_Exp | null | undefined;
  deleted_by_user?: Users_Bool_Exp | null | undefined;
  description?: String_Comparison_Exp | null | undefined;
  entity_tags?: Entity_Tags_Bool_Exp | null | undefined;
  entity_tags_aggregate?: Entity_Tags_Aggregate_Bool_Exp | null | undefined;
  id?: Uuid_Comparison_Exp | null | undefined;
  name?: String_Comparison_Exp | null | undefined;
  org?: Orgs_Bool_Exp | null | undefined;
  org_id?: Uuid_Comparison_Exp | null | undefined;
  updated_at?: Timestamptz_Comparison_Exp | null | undefined;
  version?: Int_Comparison_Exp | null | undefined;
};

/** select columns of table "tags" */
export type Tags_Select_Column =
  /** column name */
  | 'color'
  /** column name */
  | 'created_at'
  /** column name */
  | 'created_by'
  /** column name */
  | 'deleted_at'
  /** column name */
  | 'deleted_by'
  /** column name */
  | 'description'
  /** column name */
  | 'id'
  /** column name */
  | 'name'
  /** column name */
  | 'org_id'
  /** column name */
  | 'updated_at'
  /** column name */
  | 'version';

export type Task_Assignees_Aggregate_Bool_Exp = {
  count?: Task_Assignees_Aggregate_Bool_Exp_Count | null | undefined;
};

export type Task_Assignees_Aggregate_Bool_Exp_Count = {
  arguments?: Array<Task_Assignees_Select_Column> | null | undefined;
  distinct?: boolean | null | undefined;
  filter?: Task_Assignees_Bool_Exp | null | undefined;
  predicate: Int_Comparison_Exp;
};

/** Boolean expression to filter rows from the table "task_assignees". All fields are combined with a logical 'AND'. */
export type Task_Assignees_Bool_Exp = {
  _and?: Array<Task_Assignees_Bool_Exp> | null | undefined;
  _not?: Task_Assignees_Bool_Exp | null | undefined;
  _or?: Array<Task_Assignees_Bool_Exp> | null | undefined;
  assigned_by?: Uuid_Comparison_Exp | null | undefined;
  assigner?: Users_Bool_Exp | null | undefined;
  created_at?: Timestamptz_Comparison_Exp | null | undefined;
  id?: Uuid_Comparison_Exp | null | undefined;
  membership?: Org_Memberships_Bool_Exp | null | undefined;
  org?: Orgs_Bool_Exp | null | undefined;
  org_id?: Uuid_Comparison_Exp | null | undefined;
  project?: Projects_Bool_Exp | null | undefined;
  project_id?: Uuid_Comparison_Exp | null | undefined;
  task?: Tasks_Bool_Exp | null | undefined;
  task_id?: Uuid_Comparison_Exp | null | undefined;
  updated_at?: Timestamptz_Comparison_Exp | null | undefined;
  user?: Users_Bool_Exp | null | undefined;
  user_id?: Uuid_Comparison_Exp | null | undefined;
  version?: Int_Comparison_Exp | null | undefined;
};

/** select columns of table "task_assignees" */
export type Task_Assignees_Select_Column =
  /** column name */
  | 'assigned_by'
  /** column name */
  | 'created_at'
  /** column name */
  | 'id'
  /** column name */
  | 'org_id'
  /** column name */
  | 'project_id'
  /** column name */
  | 'task_id'
  /** column name */
  | 'updated_at'
  /** column name */
  | 'user_id'
  /** column name */
  | 'version';

export type Task_Checklist_Items_Aggregate_Bool_Exp = {
  bool_and?: Task_Checklist_Items_Aggregate_Bool_Exp_Bool_And | null | undefined;
  bool_or?: Task_Checklist_Items_Aggregate_Bool_Exp_Bool_Or | null | undefined;
  count?: Task_Checklist_Items_Aggregate_Bool_Exp_Count | null | undefined;
};

export type Task_Checklist_Items_Aggregate_Bool_Exp_Bool_And = {
  arguments: Task_Checklist_Items_Select_Column_Task_Checklist_Items_Aggregate_Bool_Exp_Bool_And_Arguments_Columns;
  distinct?: boolean | null | undefined;
  filter?: Task_Checklist_Items_Bool_Exp | null | undefined;
  predicate: Boolean_Comparison_Exp;
};

export type Task_Checklist_Items_Aggregate_Bool_Exp_Bool_Or = {
  arguments: Task_Checklist_Items_Select_Column_Task_Checklist_Items_Aggregate_Bool_Exp_Bool_Or_Arguments_Columns;
  distinct?: boolean | null | undefined;
  filter?: Task_Checklist_Items_Bool_Exp | null | undefined;
  predicate: Boolean_Comparison_Exp;
};

export type Task_Checklist_Items_Aggregate_Bool_Exp_Count = {
  arguments?: Array<Task_Checklist_Items_Select_Column> | null | undefined;
  distinct?: boolean | null | undefined;
  filter?: Task_Checklist_Items_Bool_Exp | null | undefined;
  predicate: Int_Comparison_Exp;
};

/** Boolean expression to filter rows from the table "task_checklist_items". All fields are combined with a logical 'AND'. */
export type Task_Checklist_Items_Bool_Exp = {
  _and?: Array<Task_Checklist_Items_Bool_Exp> | null | undefined;
  _not?: Task_Checklist_Items_Bool_Exp | null | undefined;
  _or?: Array<Task_Checklist_Items_Bool_Exp> | null | undefined;
  checklist?: Task_Checklists_Bool_Exp | null | undefined;
  checklist_id?: Uuid_Comparison_Exp | null | undefined;
  created_at?: Timestamptz_Comparison_Exp | null | undefined;
  done?: Boolean_Comparison_Exp | null | undefined;
  done_at?: Timestamptz_Comparison_Exp | null | undefined;
  done_by?: Uuid_Comparison_Exp | null | undefined;
  done_by_user?: Users_Bool_Exp | null | undefined;
  id?: Uuid_Comparison_Exp | null | undefined;
  org?: Orgs_Bool_Exp | null | undefined;
  org_id?: Uuid_Comparison_Exp | null | undefined;
  position?: Numeric_Comparison_Exp | null | undefined;
  project?: Projects_Bool_Exp | null | undefined;
  project_id?: Uuid_Comparison_Exp | null | undefined;
  title?: String_Comparison_Exp | null | undefined;
  updated_at?: Timestamptz_Comparison_Exp | null | undefined;
  version?: Int_Comparison_Exp | null | undefined;
};

/** select columns of table "task_checklist_items" */
export type Task_Checklist_Items_Select_Column =
  /** column name */
  | 'checklist_id'
  /** column name */
  | 'created_at'
  /** column name */
  | 'done'
  /** column name */
  | 'done_at'
  /** column name */
  | 'done_by'
  /** column name */
  | 'id'
  /** column name */
  | 'org_id'
  /** column name */
  | 'position'
  /** column name */
  | 'project_id'
  /** column name */
  | 'title'
  /** column name */
  | 'updated_at'
  /** column name */
  | 'version';

/** select "task_checklist_items_aggregate_bool_exp_bool_and_arguments_columns" columns of table "task_checklist_items" */
export type Task_Checklist_Items_Select_Column_Task_Checklist_Items_Aggregate_Bool_Exp_Bool_And_Arguments_Columns =
  /** column name */
  | 'done';

/** select "task_checklist_items_aggregate_bool_exp_bool_or_arguments_columns" columns of table "task_checklist_items" */
export type Task_Checklist_Items_Select_Column_Task_Checklist_Items_Aggregate_Bool_Exp_Bool_Or_Arguments_Columns =
  /** column name */
  | 'done';

export type Task_Checklists_Aggregate_Bool_Exp = {
  count?: Task_Checklists_Aggregate_Bool_Exp_Count | null | undefined;
};

export type Task_Checklists_Aggregate_Bool_Exp_Count = {
  arguments?: Array<Task_Checklists_Select_Column> | null | undefined;
  distinct?: boolean | null | undefined;
  filter?: Task_Checklists_Bool_Exp | null | undefined;
  predicate: Int_Comparison_Exp;
};

/** Boolean expression to filter rows from the table "task_checklists". All fields are combined with a logical 'AND'. */
export type Task_Checklists_Bool_Exp = {
  _and?: Array<Task_Checklists_Bool_Exp> | null | undefined;
  _not?: Task_Checklists_Bool_Exp | null | undefined;
  _or?: Array<Task_Checklists_Bool_Exp> | null | undefined;
  created_at?: Timestamptz_Comparison_Exp | null | undefined;
  id?: Uuid_Comparison_Exp | null | undefined;
  items?: Task_Checklist_Items_Bool_Exp | null | undefined;
  items_aggregate?: Task_Checklist_Items_Aggregate_Bool_Exp | null | undefined;
  org?: Orgs_Bool_Exp | null | undefined;
  org_id?: Uuid_Comparison_Exp | null | undefined;
  position?: Numeric_Comparison_Exp | null | undefined;
  project?: Projects_Bool_Exp | null | undefined;
  project_id?: Uuid_Comparison_Exp | null | undefined;
  task?: Tasks_Bool_Exp | null | undefined;
  task_id?: Uuid_Comparison_Exp | null | undefined;
  title?: String_Comparison_Exp | null | undefined;
  updated_at?: Timestamptz_Comparison_Exp | null | undefined;
  version?: Int_Comparison_Exp | null | undefined;
};

/** select columns of table "task_checklists" */
export type Task_Checklists_Select_Column =
  /** column name */
  | 'created_at'
  /** column name */
  | 'id'
  /** column name */
  | 'org_id'
  /** column name */
  | 'position'
  /** column name */
  | 'project_id'
  /** column name */
  | 'task_id'
  /** column name */
  | 'title'
  /** column name */
  | 'updated_at'
  /** column name */
  | 'version';

export type Task_Dependencies_Aggregate_Bool_Exp = {
  count?: Task_Dependencies_Aggregate_Bool_Exp_Count | null | undefined;
};

export type Task_Dependencies_Aggregate_Bool_Exp_Count = {
  arguments?: Array<Task_Dependencies_Select_Column> | null | undefined;
  distinct?: boolean | null | undefined;
  filter?: Task_Dependencies_Bool_Exp | null | undefined;
  predicate: Int_Comparison_Exp;
};

/** Boolean expression to filter rows from the table "task_dependencies". All fields are combined with a logical 'AND'. */
export type Task_Dependencies_Bool_Exp = {
  _and?: Array<Task_Dependencies_Bool_Exp> | null | undefined;
  _not?: Task_Dependencies_Bool_Exp | null | undefined;
  _or?: Array<Task_Dependencies_Bool_Exp> | null | undefined;
  blocked?: Tasks_Bool_Exp | null | undefined;
  blocked_id?: Uuid_Comparison_Exp | null | undefined;
  blocker?: Tasks_Bool_Exp | null | undefined;
  blocker_id?: Uuid_Comparison_Exp | null | undefined;
  created_at?: Timestamptz_Comparison_Exp | null | undefined;
  created_by?: Uuid_Comparison_Exp | null | undefined;
  creator?: Users_Bool_Exp | null | undefined;
  id?: Uuid_Comparison_Exp | null | undefined;
  kind?: String_Comparison_Exp | null | undefined;
  org?: Orgs_Bool_Exp | null | undefined;
  org_id?: Uuid_Comparison_Exp | null | undefined;
  project?: Projects_Bool_Exp | null | undefined;
  project_id?: Uuid_Comparison_Exp | null | undefined;
  updated_at?: Timestamptz_Comparison_Exp | null | undefined;
  version?: Int_Comparison_Exp | null | undefined;
};

/** select columns of table "task_dependencies" */
export type Task_Dependencies_Select_Column =
  /** column name */
  | 'blocked_id'
  /** column name */
  | 'blocker_id'
  /** column name */
  | 'created_at'
  /** column name */
  | 'created_by'
  /** column name */
  | 'id'
  /** column name */
  | 'kind'
  /** column name */
  | 'org_id'
  /** column name */
  | 'project_id'
  /** column name */
  | 'updated_at'
  /** column name */
  | 'version';

export type Task_External_Links_Aggregate_Bool_Exp = {
  count?: Task_External_Links_Aggregate_Bool_Exp_Count | null | undefined;
};

export type Task_External_Links_Aggregate_Bool_Exp_Count = {
  arguments?: Array<Task_External_Links_Select_Column> | null | undefined;
  distinct?: boolean | null | undefined;
  filter?: Task_External_Links_Bool_Exp | null | undefined;
  predicate: Int_Comparison_Exp;
};

/** Boolean expression to filter rows from the table "task_external_links". All fields are combined with a logical 'AND'. */
export type Task_External_Links_Bool_Exp = {
  _and?: Array<Task_External_Links_Bool_Exp> | null | undefined;
  _not?: Task_External_Links_Bool_Exp | null | undefined;
  _or?: Array<Task_External_Links_Bool_Exp> | null | undefined;
  created_at?: Timestamptz_Comparison_Exp | null | undefined;
  delivery_id?: String_Comparison_Exp | null | undefined;
  external_id?: String_Comparison_Exp | null | undefined;
  id?: Uuid_Comparison_Exp | null | undefined;
  kind?: String_Comparison_Exp | null | undefined;
  org?: Orgs_Bool_Exp | null | undefined;
  org_id?: Uuid_Comparison_Exp | null | undefined;
  project?: Projects_Bool_Exp | null | undefined;
  project_id?: Uuid_Comparison_Exp | null | undefined;
  provider?: String_Comparison_Exp | null | undefined;
  state?: String_Comparison_Exp | null | undefined;
  task?: Tasks_Bool_Exp | null | undefined;
  task_id?: Uuid_Comparison_Exp | null | undefined;
  title?: String_Comparison_Exp | null | undefined;
  updated_at?: Timestamptz_Comparison_Exp | null | undefined;
  url?: String_Comparison_Exp | null | undefined;
  version?: Int_Comparison_Exp | null | undefined;
};

/** select columns of table "task_external_links" */
export type Task_External_Links_Select_Column =
  /** column name */
  | 'created_at'
  /** column name */
  | 'delivery_id'
  /** column name */
  | 'external_id'
  /** column name */
  | 'id'
  /** column name */
  | 'kind'
  /** column name */
  | 'org_id'
  /** column name */
  | 'project_id'
  /** column name */
  | 'provider'
  /** column name */
  | 'state'
  /** column name */
  | 'task_id'
  /** column name */
  | 'title'
  /** column name */
  | 'updated_at'
  /** column name */
  | 'url'
  /** column name */
  | 'version';

export type Task_Watchers_Aggregate_Bool_Exp = {
  count?: Task_Watchers_Aggregate_Bool_Exp_Count | null | undefined;
};

export type Task_Watchers_Aggregate_Bool_Exp_Count = {
  arguments?: Array<Task_Watchers_Select_Column> | null | undefined;
  distinct?: boolean | null | undefined;
  filter?: Task_Watchers_Bool_Exp | null | undefined;
  predicate: Int_Comparison_Exp;
};

/** Boolean expression to filter rows from the table "task_watchers". All fields are combined with a logical 'AND'. */
export type Task_Watchers_Bool_Exp = {
  _and?: Array<Task_Watchers_Bool_Exp> | null | undefined;
  _not?: Task_Watchers_Bool_Exp | null | undefined;
  _or?: Array<Task_Watchers_Bool_Exp> | null | undefined;
  created_at?: Timestamptz_Comparison_Exp | null | undefined;
  id?: Uuid_Comparison_Exp | null | undefined;
  membership?: Org_Memberships_Bool_Exp | null | undefined;
  org?: Orgs_Bool_Exp | null | undefined;
  org_id?: Uuid_Comparison_Exp | null | undefined;
  project?: Projects_Bool_Exp | null | undefined;
  project_id?: Uuid_Comparison_Exp | null | undefined;
  task?: Tasks_Bool_Exp | null | undefined;
  task_id?: Uuid_Comparison_Exp | null | undefined;
  updated_at?: Timestamptz_Comparison_Exp | null | undefined;
  user?: Users_Bool_Exp | null | undefined;
  user_id?: Uuid_Comparison_Exp | null | undefined;
  version?: Int_Comparison_Exp | null | undefined;
};

/** select columns of table "task_watchers" */
export type Task_Watchers_Select_Column =
  /** column name */
  | 'created_at'
  /** column name */
  | 'id'
  /** column name */
  | 'org_id'
  /** column name */
  | 'project_id'
  /** column name */
  | 'task_id'
  /** column name */
  | 'updated_at'
  /** column name */
  | 'user_id'
  /** column name */
  | 'version';

export type Tasks_Aggregate_Bool_Exp = {
  bool_and?: Tasks_Aggregate_Bool_Exp_Bool_And | null | undefined;
  bool_or?: Tasks_Aggregate_Bool_Exp_Bool_Or | null | undefined;
  count?: Tasks_Aggregate_Bool_Exp_Count | null | undefined;
};

export type Tasks_Aggregate_Bool_Exp_Bool_And = {
  arguments: Tasks_Select_Column_Tasks_Aggregate_Bool_Exp_Bool_And_Arguments_Columns;
  distinct?: boolean | null | undefined;
  filter?: Tasks_Bool_Exp | null | undefined;
  predicate: Boolean_Comparison_Exp;
};

export type Tasks_Aggregate_Bool_Exp_Bool_Or = {
  arguments: Tasks_Select_Column_Tasks_Aggregate_Bool_Exp_Bool_Or_Arguments_Columns;
  distinct?: boolean | null | undefined;
  filter?: Tasks_Bool_Exp | null | undefined;
  predicate: Boolean_Comparison_Exp;
};

export type Tasks_Aggregate_Bool_Exp_Count = {
  arguments?: Array<Tasks_Select_Column> | null | undefined;
  distinct?: boolean | null | undefined;
  filter?: Tasks_Bool_Exp | null | undefined;
  predicate: Int_Comparison_Exp;
};

/** Boolean expression to filter rows from the table "tasks". All fields are combined with a logical 'AND'. */
export type Tasks_Bool_Exp = {
  _and?: Array<Tasks_Bool_Exp> | null | undefined;
  _not?: Tasks_Bool_Exp | null | undefined;
  _or?: Array<Tasks_Bool_Exp> | null | undefined;
  activity?: Activity_Feed_Bool_Exp | null | undefined;
  activity_aggregate?: Activity_Feed_Aggregate_Bool_Exp | null | undefined;
  assignees?: Task_Assignees_Bool_Exp | null | undefined;
  assignees_aggregate?: Task_Assignees_Aggregate_Bool_Exp | null | undefined;
  blocked_by?: Task_Dependencies_Bool_Exp | null | undefined;
  blocked_by_aggregate?: Task_Dependencies_Aggregate_Bool_Exp | null | undefined;
  blocked_since?: Timestamptz_Comparison_Exp | null | undefined;
  blocking?: Task_Dependencies_Bool_Exp | null | undefined;
  blocking_aggregate?: Task_Dependencies_Aggregate_Bool_Exp | null | undefined;
  checklists?: Task_Checklists_Bool_Exp | null | undefined;
  checklists_aggregate?: Task_Checklists_Aggregate_Bool_Exp | null | undefined;
  column?: Board_Columns_Bool_Exp | null | undefined;
  column_id?: Uuid_Comparison_Exp | null | undefined;
  comments?: Comments_Bool_Exp | null | undefined;
  comments_aggregate?: Comments_Aggregate_Bool_Exp | null | undefined;
  completed_at?: Timestamptz_Comparison_Exp | null | undefined;
  created_at?: Timestamptz_Comparison_Exp | null | undefined;
  created_by?: Uuid_Comparison_Exp | null | undefined;
  creator?: Users_Bool_Exp | null | undefined;
  custom_fields?: Jsonb_Comparison_Exp | null | undefined;
  deleted_at?: Timestamptz_Comparison_Exp | null | undefined;
  deleted_by?: Uuid_Comparison_Exp | null | undefined;
  deleted_by_user?: Users_Bool_Exp | null | undefined;
  description?: String_Comparison_Exp | null | undefined;
  due_date?: Date_Comparison_Exp | null | undefined;
  estimate?: Numeric_Comparison_Exp | null | undefined;
  external_links?: Task_External_Links_Bool_Exp | null | undefined;
  external_links_aggregate?: Task_External_Links_Aggregate_Bool_Exp | null | undefined;
  id?: Uuid_Comparison_Exp | null | undefined;
  is_blocked?: Boolean_Comparison_Exp | null | undefined;
  key?: String_Comparison_Exp | null | undefined;
  number?: Int_Comparison_Exp | null | undefined;
  occurrence_at?: Timestamptz_Comparison_Exp | null | undefined;
  org?: Orgs_Bool_Exp | null | undefined;
  org_id?: Uuid_Comparison_Exp | null | undefined;
  parent?: Tasks_Bool_Exp | null | undefined;
  parent_id?: Uuid_Comparison_Exp | null | undefined;
  position?: Numeric_Comparison_Exp | null | undefined;
  priority?: String_Comparison_Exp | null | undefined;
  project?: Projects_Bool_Exp | null | undefined;
  project_id?: Uuid_Comparison_Exp | null | undefined;
  recurrence_rule?: Recurring_Task_Rules_Bool_Exp | null | undefined;
  recurrence_rule_id?: Uuid_Comparison_Exp | null | undefined;
  start_date?: Date_Comparison_Exp | null | undefined;
  status?: String_Comparison_Exp | null | undefined;
  subtasks?: Tasks_Bool_Exp | null | undefined;
  subtasks_aggregate?: Tasks_Aggregate_Bool_Exp | null | undefined;
  tags?: Entity_Tags_Bool_Exp | null | undefined;
  tags_aggregate?: Entity_Tags_Aggregate_Bool_Exp | null | undefined;
  time_entries?: Time_Entries_Bool_Exp | null | undefined;
  time_entries_aggregate?: Time_Entries_Aggregate_Bool_Exp | null | undefined;
  title?: String_Comparison_Exp | null | undefined;
  updated_at?: Timestamptz_Comparison_Exp | null | undefined;
  version?: Int_Comparison_Exp | null | undefined;
  watchers?: Task_Watchers_Bool_Exp | null | undefined;
  watchers_aggregate?: Task_Watchers_Aggregate_Bool_Exp | null | undefined;
};

/** select columns of table "tasks" */
export type Tasks_Select_Column =
  /** column name */
  | 'blocked_since'
  /** column name */
  | 'column_id'
  /** column name */
  | 'completed_at'
  /** column name */
  | 'created_at'
  /** column name */
  | 'created_by'
  /** column name */
  | 'custom_fields'
  /** column name */
  | 'deleted_at'
  /** column name */
  | 'deleted_by'
  /** column name */
  | 'description'
  /** column name */
  | 'due_date'
  /** column name */
  | 'estimate'
  /** column name */
  | 'id'
  /** column name */
  | 'is_blocked'
  /** column name */
  | 'key'
  /** column name */
  | 'number'
  /** column name */
  | 'occurrence_at'
  /** column name */
  | 'org_id'
  /** column name */
  | 'parent_id'
  /** column name */
  | 'position'
  /** column name */
  | 'priority'
  /** column name */
  | 'project_id'
  /** column name */
  | 'recurrence_rule_id'
  /** column name */
  | 'start_date'
  /** column name */
  | 'status'
  /** column name */
  | 'title'
  /** column name */
  | 'updated_at'
  /** column name */
  | 'version';

/** select "tasks_aggregate_bool_exp_bool_and_arguments_columns" columns of table "tasks" */
export type Tasks_Select_Column_Tasks_Aggregate_Bool_Exp_Bool_And_Arguments_Columns =
  /** column name */
  | 'is_blocked';

/** select "tasks_aggregate_bool_exp_bool_or_arguments_columns" columns of table "tasks" */
export type Tasks_Select_Column_Tasks_Aggregate_Bool_Exp_Bool_Or_Arguments_Columns =
  /** column name */
  | 'is_blocked';

export type Team_Members_Aggregate_Bool_Exp = {
  count?: Team_Members_Aggregate_Bool_Exp_Count | null | undefined;
};

export type Team_Members_Aggregate_Bool_Exp_Count = {
  arguments?: Array<Team_Members_Select_Column> | null | undefined;
  distinct?: boolean | null | undefined;
  filter?: Team_Members_Bool_Exp | null | undefined;
  predicate: Int_Comparison_Exp;
};

/** Boolean expression to filter rows from the table "team_members". All fields are combined with a logical 'AND'. */
export type Team_Members_Bool_Exp = {
  _and?: Array<Team_Members_Bool_Exp> | null | undefined;
  _not?: Team_Members_Bool_Exp | null | undefined;
  _or?: Array<Team_Members_Bool_Exp> | null | undefined;
  created_at?: Timestamptz_Comparison_Exp | null | undefined;
  id?: Uuid_Comparison_Exp | null | undefined;
  membership?: Org_Memberships_Bool_Exp | null | undefined;
  org?: Orgs_Bool_Exp | null | undefined;
  org_id?: Uuid_Comparison_Exp | null | undefined;
  role?: String_Comparison_Exp | null | undefined;
  team?: Teams_Bool_Exp | null | undefined;
  team_id?: Uuid_Comparison_Exp | null | undefined;
  updated_at?: Timestamptz_Comparison_Exp | null | undefined;
  user?: Users_Bool_Exp | null | undefined;
  user_id?: Uuid_Comparison_Exp | null | undefined;
  version?: Int_Comparison_Exp | null | undefined;
};

/** select columns of table "team_members" */
export type Team_Members_Select_Column =
  /** column name */
  | 'created_at'
  /** column name */
  | 'id'
  /** column name */
  | 'org_id'
  /** column name */
  | 'role'
  /** column name */
  | 'team_id'
  /** column name */
  | 'updated_at'
  /** column name */
  | 'user_id'
  /** column name */
  | 'version';

export type Teams_Aggregate_Bool_Exp = {
  count?: Teams_Aggregate_Bool_Exp_Count | null | undefined;
};

export type Teams_Aggregate_Bool_Exp_Count = {
  arguments?: Array<Teams_Select_Column> | null | undefined;
  distinct?: boolean | null | undefined;
  filter?: Teams_Bool_Exp | null | undefined;
  predicate: Int_Comparison_Exp;
};

/** Boolean expression to filter rows from the table "teams". All fields are combined with a logical 'AND'. */
export type Teams_Bool_Exp = {
  _and?: Array<Teams_Bool_Exp> | null | undefined;
  _not?: Teams_Bool_Exp | null | undefined;
  _or?: Array<Teams_Bool_Exp> | null | undefined;
  color?: String_Comparison_Exp | null | undefined;
  created_at?: Timestamptz_Comparison_Exp | null | undefined;
  created_by?: Uuid_Comparison_Exp | null | undefined;
  created_by_user?: Users_Bool_Exp | null | undefined;
  deleted_at?: Timestamptz_Comparison_Exp | null | undefined;
  deleted_by?: Uuid_Comparison_Exp | null | undefined;
  deleted_by_user?: Users_Bool_Exp | null | undefined;
  description?: String_Comparison_Exp | null | undefined;
  id?: Uuid_Comparison_Exp | null | undefined;
  key?: String_Comparison_Exp | null | undefined;
  members?: Team_Members_Bool_Exp | null | undefined;
  members_aggregate?: Team_Members_Aggregate_Bool_Exp | null | undefined;
  name?: String_Comparison_Exp | null | undefined;
  org?: Orgs_Bool_Exp | null | undefined;
  org_id?: Uuid_Comparison_Exp | null | undefined;
  updated_at?: Timestamptz_Comparison_Exp | null | undefined;
  version?: Int_Comparison_Exp | null | undefined;
};

/** select columns of table "teams" */
export type Teams_Select_Column =
  /** column name */
  | 'color'
  /** column name */
  | 'created_at'
  /** column name */
  | 'created_by'
  /** column name */
  | 'deleted_at'
  /** column name */
  | 'deleted_by'
  /** column name */
  | 'description'
  /** column name */
  | 'id'
  /** column name */
  | 'key'
  /** column name */
  | 'name'
  /** column name */
  | 'org_id'
  /** column name */
  | 'updated_at'
  /** column name */
  | 'version';

/** input type for updating data in table "tickets" */
export type Tickets_Set_Input = {
  assignee_id?: string | null | undefined;
  category_id?: string | null | undefined;
  deleted_at?: string | null | undefined;
  description?: string | null | undefined;
  fields?: unknown;
  priority?: string | null | undefined;
  requester_id?: string | null | undefined;
  status?: string | null | undefined;
  subject?: string | null | undefined;
  team_id?: string | null | undefined;
};

export type Time_Entries_Aggregate_Bool_Exp = {
  bool_and?: Time_Entries_Aggregate_Bool_Exp_Bool_And | null | undefined;
  bool_or?: Time_Entries_Aggregate_Bool_Exp_Bool_Or | null | undefined;
  count?: Time_Entries_Aggregate_Bool_Exp_Count | null | undefined;
};

export type Time_Entries_Aggregate_Bool_Exp_Bool_And = {
  arguments: Time_Entries_Select_Column_Time_Entries_Aggregate_Bool_Exp_Bool_And_Arguments_Columns;
  distinct?: boolean | null | undefined;
  filter?: Time_Entries_Bool_Exp | null | undefined;
  predicate: Boolean_Comparison_Exp;
};

export type Time_Entries_Aggregate_Bool_Exp_Bool_Or = {
  arguments: Time_Entries_Select_Column_Time_Entries_Aggregate_Bool_Exp_Bool_Or_Arguments_Columns;
  distinct?: boolean | null | undefined;
  filter?: Time_Entries_Bool_Exp | null | undefined;
  predicate: Boolean_Comparison_Exp;
};

export type Time_Entries_Aggregate_Bool_Exp_Count = {
  arguments?: Array<Time_Entries_Select_Column> | null | undefined;
  distinct?: boolean | null | undefined;
  filter?: Time_Entries_Bool_Exp | null | undefined;
  predicate: Int_Comparison_Exp;
};

/** Boolean expression to filter rows from the table "time_entries". All fields are combined with a logical 'AND'. */
export type Time_Entries_Bool_Exp = {
  _and?: Array<Time_Entries_Bool_Exp> | null | undefined;
  _not?: Time_Entries_Bool_Exp | null | undefined;
  _or?: Array<Time_Entries_Bool_Exp> | null | undefined;
  billable?: Boolean_Comparison_Exp | null | undefined;
  created_at?: Timestamptz_Comparison_Exp | null | undefined;
  duration_seconds?: Int_Comparison_Exp | null | undefined;
  ended_at?: Timestamptz_Comparison_Exp | null | undefined;
  id?: Uuid_Comparison_Exp | null | undefined;
  membership?: Org_Memberships_Bool_Exp | null | undefined;
  note?: String_Comparison_Exp | null | undefined;
  org?: Orgs_Bool_Exp | null | undefined;
  org_id?: Uuid_Comparison_Exp | null | undefined;
  project?: Projects_Bool_Exp | null | undefined;
  project_id?: Uuid_Comparison_Exp | null | undefined;
  started_at?: Timestamptz_Comparison_Exp | null | undefined;
  task?: Tasks_Bool_Exp | null | undefined;
  task_id?: Uuid_Comparison_Exp | null | undefined;
  updated_at?: Timestamptz_Comparison_Exp | null | undefined;
  user?: Users_Bool_Exp | null | undefined;
  user_id?: Uuid_Comparison_Exp | null | undefined;
  version?: Int_Comparison_Exp | null | undefined;
};

/** select columns of table "time_entries" */
export type Time_Entries_Select_Column =
  /** column name */
  | 'billable'
  /** column name */
  | 'created_at'
  /** column name */
  | 'duration_seconds'
  /** column name */
  | 'ended_at'
  /** column name */
  | 'id'
  /** column name */
  | 'note'
  /** column name */
  | 'org_id'
  /** column name */
  | 'project_id'
  /** column name */
  | 'started_at'
  /** column name */
  | 'task_id'
  /** column name */
  | 'updated_at'
  /** column name */
  | 'user_id'
  /** column name */
  | 'version';

/** select "time_entries_aggregate_bool_exp_bool_and_arguments_columns" columns of table "time_entries" */
export type Time_Entries_Select_Column_Time_Entries_Aggregate_Bool_Exp_Bool_And_Arguments_Columns =
  /** column name */
  | 'billable';

/** select "time_entries_aggregate_bool_exp_bool_or_arguments_columns" columns of table "time_entries" */
export type Time_Entries_Select_Column_Time_Entries_Aggregate_Bool_Exp_Bool_Or_Arguments_Columns =
  /** column name */
  | 'billable';

/** Boolean expression to compare columns of type "timestamptz". All fields are combined with logical 'AND'. */
export type Timestamptz_Comparison_Exp = {
  _eq?: string | null | undefined;
  _gt?: string | null | undefined;
  _gte?: string | null | undefined;
  _in?: Array<string> | null | undefined;
  _is_null?: boolean | null | undefined;
  _lt?: string | null | undefined;
  _lte?: string | null | undefined;
  _neq?: string | null | undefined;
  _nin?: Array<string> | null | undefined;
};

/** Boolean expression to filter rows from the table "users". All fields are combined with a logical 'AND'. */
export type Users_Bool_Exp = {
  _and?: Array<Users_Bool_Exp> | null | undefined;
  _not?: Users_Bool_Exp | null | undefined;
  _or?: Array<Users_Bool_Exp> | null | undefined;
  activities?: Activity_Feed_Bool_Exp | null | undefined;
  activities_aggregate?: Activity_Feed_Aggregate_Bool_Exp | null | undefined;
  audit_entries?: Audit_Log_Bool_Exp | null | undefined;
  audit_entries_aggregate?: Audit_Log_Aggregate_Bool_Exp | null | undefined;
  authored_comments?: Comments_Bool_Exp | null | undefined;
  authored_comments_aggregate?: Comments_Aggregate_Bool_Exp | null | undefined;
  avatar_file?: Files_Bool_Exp | null | undefined;
  avatar_file_id?: Uuid_Comparison_Exp | null | undefined;
  created_at?: Timestamptz_Comparison_Exp | null | undefined;
  disabled_at?: Timestamptz_Comparison_Exp | null | undefined;
  display_name?: String_Comparison_Exp | null | undefined;
  email?: Citext_Comparison_Exp | null | undefined;
  email_verified_at?: Timestamptz_Comparison_Exp | null | undefined;
  id?: Uuid_Comparison_Exp | null | undefined;
  last_seen_at?: Timestamptz_Comparison_Exp | null | undefined;
  locale?: String_Comparison_Exp | null | undefined;
  memberships?: Org_Memberships_Bool_Exp | null | undefined;
  memberships_aggregate?: Org_Memberships_Aggregate_Bool_Exp | null | undefined;
  time_entries?: Time_Entries_Bool_Exp | null | undefined;
  time_entries_aggregate?: Time_Entries_Aggregate_Bool_Exp | null | undefined;
  timezone?: String_Comparison_Exp | null | undefined;
  updated_at?: Timestamptz_Comparison_Exp | null | undefined;
  uploaded_files?: Files_Bool_Exp | null | undefined;
  uploaded_files_aggregate?: Files_Aggregate_Bool_Exp | null | undefined;
  version?: Int_Comparison_Exp | null | undefined;
};

/** Boolean expression to compare columns of type "uuid". All fields are combined with logical 'AND'. */
export type Uuid_Comparison_Exp = {
  _eq?: string | null | undefined;
  _gt?: string | null | undefined;
  _gte?: string | null | undefined;
  _in?: Array<string> | null | undefined;
  _is_null?: boolean | null | undefined;
  _lt?: string | null | undefined;
  _lte?: string | null | undefined;
  _neq?: string | null | undefined;
  _nin?: Array<string> | null | undefined;
};

/** Boolean expression to filter rows from the table "workspaces". All fields are combined with a logical 'AND'. */
export type Workspaces_Bool_Exp = {
  _and?: Array<Workspaces_Bool_Exp> | null | undefined;
  _not?: Workspaces_Bool_Exp | null | undefined;
  _or?: Array<Workspaces_Bool_Exp> | null | undefined;
  created_at?: Timestamptz_Comparison_Exp | null | undefined;
  created_by?: Uuid_Comparison_Exp | null | undefined;
  creator?: Users_Bool_Exp | null | undefined;
  deleted_at?: Timestamptz_Comparison_Exp | null | undefined;
  deleted_by?: Uuid_Comparison_Exp | null | undefined;
  deleted_by_user?: Users_Bool_Exp | null | undefined;
  description?: String_Comparison_Exp | null | undefined;
  id?: Uuid_Comparison_Exp | null | undefined;
  name?: String_Comparison_Exp | null | undefined;
  org?: Orgs_Bool_Exp | null | undefined;
  org_id?: Uuid_Comparison_Exp | null | undefined;
  projects?: Projects_Bool_Exp | null | undefined;
  projects_aggregate?: Projects_Aggregate_Bool_Exp | null | undefined;
  updated_at?: Timestamptz_Comparison_Exp | null | undefined;
  version?: Int_Comparison_Exp | null | undefined;
};

export type ChangePasswordMutationVariables = Exact<{
  currentPassword: string;
  newPassword: string;
}>;


export type ChangePasswordMutation = { changePassword: { refresh_token: string } | null };

export type SignOutAllMutationVariables = Exact<{ [key: string]: never; }>;


export type SignOutAllMutation = { signOutAll: { sessions_ended: number } | null };

export type EnrollMfaMutationVariables = Exact<{ [key: string]: never; }>;


export type EnrollMfaMutation = { enrollMfa: { secret: string, otpauth_url: string } | null };

export type VerifyMfaMutationVariables = Exact<{
  code: string;
}>;


export type VerifyMfaMutation = { verifyMfa: { enabled: boolean, backup_codes: Array<string> } | null };

export type DisableMfaMutationVariables = Exact<{
  code: string;
}>;


export type DisableMfaMutation = { disableMfa: { enabled: boolean } | null };

export type AuditLogQueryVariables = Exact<{
  where: Audit_Log_Bool_Exp;
  limit: number;
  offset: number;
}>;


export type AuditLogQuery = { audit_log: Array<{ id: string, action: string, table_name: string, row_id: string | null, changes: unknown, request_id: string | null, occurred_at: string, actor: { display_name: string, email: string } | null }> };

export type DeadLettersQueryVariables = Exact<{ [key: string]: never; }>;


export type DeadLettersQuery = { deadLetters: Array<{ id: string, topic: string, attempts: number, last_error: string | null, created_at: string, dead_at: string }> | null };

export type RetryDeliveryMutationVariables = Exact<{
  eventId: string;
}>;


export type RetryDeliveryMutation = { retryDelivery: { event_id: string, status: string } | null };

export type InvitationsQueryVariables = Exact<{ [key: string]: never; }>;


export type InvitationsQuery = { invitations: Array<{ id: string, email: string, role: Org_Roles_Enum, expires_at: string, accepted_at: string | null, revoked_at: string | null, created_at: string, invited_by_user: { display_name: string } | null }> };

export type InviteMemberMutationVariables = Exact<{
  email: string;
  role?: string | null | undefined;
  message?: string | null | undefined;
}>;


export type InviteMemberMutation = { inviteMember: { invitation_id: string, expires_at: string } | null };

export type RevokeInvitationMutationVariables = Exact<{
  invitationId: string;
}>;


export type RevokeInvitationMutation = { revokeInvitation: { ok: boolean } | null };

export type ResendInvitationMutationVariables = Exact<{
  invitationId: string;
}>;


export type ResendInvitationMutation = { resendInvitation: { invitation_id: string, expires_at: string } | null };

export type MailboxQueryVariables = Exact<{ [key: string]: never; }>;


export type MailboxQuery = { email_log: Array<{ id: string, to_address: string, subject: string | null, template_key: string, status: string, provider: string | null, created_at: string, sent_at: string | null, error: string | null }> };

export type MailboxMessageQueryVariables = Exact<{
  id: string;
}>;


export type MailboxMessageQuery = { email_log_by_pk: { id: string, to_address: string, subject: string | null, status: string, provider: string | null, template_key: string, created_at: string, sent_at: string | null, error: string | null, html_body: string | null, text_body: string | null } | null };

export type MembersQueryVariables = Exact<{
  orgId: string;
}>;


export type MembersQuery = { org_memberships: Array<{ id: string, role: Org_Roles_Enum, title: string | null, created_at: string, user: { id: string, display_name: string, email: string } }> };

export type ChangeMemberRoleMutationVariables = Exact<{
  membershipId: string;
  role: string;
}>;


export type ChangeMemberRoleMutation = { changeMemberRole: { ok: boolean } | null };

export type RemoveMemberMutationVariables = Exact<{
  membershipId: string;
}>;


export type RemoveMemberMutation = { removeMember: { ok: boolean } | null };

export type OrgSettingsQueryVariables = Exact<{
  orgId: string;
}>;


export type OrgSettingsQuery = { orgs_by_pk: { id: string, name: string, slug: string, timezone: string, locale: string, plan: string } | null };

export type UpdateOrgMutationVariables = Exact<{
  orgId: string;
  name: string;
  timezone: string;
  locale: string;
}>;


export type UpdateOrgMutation = { update_orgs_by_pk: { id: string, name: string } | null };

export type WebhooksQueryVariables = Exact<{ [key: string]: never; }>;


export type WebhooksQuery = { webhook_subscriptions: Array<{ id: string, url: string, description: string | null, event_types: string[], enabled: boolean, consecutive_failures: number, disabled_reason: string | null, created_at: string }> };

export type WebhookDeliveriesQueryVariables = Exact<{
  subscriptionId: string;
}>;


export type WebhookDeliveriesQuery = { webhook_deliveries: Array<{ id: string, event_type: string, status: string, attempts: number, response_code: number | null, error: string | null, created_at: string, last_attempt_at: string | null }> };

export type CreateWebhookMutationVariables = Exact<{
  url: string;
  eventTypes: Array<string> | string;
  description?: string | null | undefined;
}>;


export type CreateWebhookMutation = { createWebhook: { id: string, secret: string } | null };

export type SetWebhookEnabledMutationVariables = Exact<{
  id: string;
  enabled: boolean;
}>;


export type SetWebhookEnabledMutation = { update_webhook_subscriptions_by_pk: { id: string, enabled: boolean } | null };

export type DeleteWebhookMutationVariables = Exact<{
  id: string;
}>;


export type DeleteWebhookMutation = { delete_webhook_subscriptions_by_pk: { id: string } | null };

export type TestWebhookMutationVariables = Exact<{
  subscriptionId: string;
}>;


export type TestWebhookMutation = { testWebhook: { delivery_id: string, status: string, response_code: number | null, error: string | null } | null };

export type RedeliverWebhookMutationVariables = Exact<{
  deliveryId: string;
}>;


export type RedeliverWebhookMutation = { redeliverWebhook: { delivery_id: string, status: string, response_code: number | null, error: string | null } | null };

export type CreateApiKeyMutationVariables = Exact<{
  name: string;
  scopes: Array<string> | string;
  expiresInDays?: number | null | undefined;
}>;


export type CreateApiKeyMutation = { createApiKey: { id: string, api_key: string, prefix: string, scopes: Array<string>, expires_at: string | null } | null };

export type RevokeApiKeyMutationVariables = Exact<{
  apiKeyId: string;
}>;


export type RevokeApiKeyMutation = { revokeApiKey: { ok: boolean } | null };

export type SignInMutationVariables = Exact<{
  email: string;
  password: string;
}>;


export type SignInMutation = { signIn: { mfa_required: boolean, mfa_token: string | null, refresh_token: string | null } | null };

export type ChallengeMfaMutationVariables = Exact<{
  mfaToken: string;
  code: string;
}>;


export type ChallengeMfaMutation = { challengeMfa: { mfa_required: boolean, refresh_token: string | null } | null };

export type SignUpMutationVariables = Exact<{
  email: string;
  password: string;
  displayName: string;
  orgName: string;
}>;


export type SignUpMutation = { signUp: { accepted: boolean, message: string } | null };

export type VerifyEmailMutationVariables = Exact<{
  token: string;
}>;


export type VerifyEmailMutation = { verifyEmail: { ok: boolean } | null };

export type AcceptInvitationMutationVariables = Exact<{
  token: string;
  password: string;
  displayName?: string | null | undefined;
}>;


export type AcceptInvitationMutation = { acceptInvitation: { refresh_token: string | null } | null };

export type RequestPasswordResetMutationVariables = Exact<{
  email: string;
}>;


export type RequestPasswordResetMutation = { requestPasswordReset: { accepted: boolean, message: string } | null };

export type ResetPasswordMutationVariables = Exact<{
  token: string;
  newPassword: string;
}>;


export type ResetPasswordMutation = { resetPassword: { ok: boolean } | null };

export type TicketSummaryFragment = { id: string, number: number, subject: string, status: string, priority: string, first_response_at: string | null, first_response_due_at: string | null, resolution_due_at: string | null, sla_paused_at: string | null, assignee: { id: string, display_name: string } | null, requester: { id: string, display_name: string }, team: { id: string, name: string } | null };

export type QueueSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type QueueSubscription = { tickets: Array<{ id: string, number: number, subject: string, status: string, priority: string, first_response_at: string | null, first_response_due_at: string | null, resolution_due_at: string | null, sla_paused_at: string | null, assignee: { id: string, display_name: string } | null, requester: { id: string, display_name: string }, team: { id: string, name: string } | null }> };

export type TicketSubscriptionVariables = Exact<{
  ticketId: string;
}>;


export type TicketSubscription = { tickets_by_pk: { description: string | null, version: number, merged_into_id: string | null, assignee_id: string | null, team_id: string | null, id: string, number: number, subject: string, status: string, priority: string, first_response_at: string | null, first_response_due_at: string | null, resolution_due_at: string | null, sla_paused_at: string | null, messages: Array<{ id: string, body: string, visibility: string, from_desk: boolean, created_at: string, author: { id: string, display_name: string } | null }>, assignee: { id: string, display_name: string } | null, requester: { id: string, display_name: string }, team: { id: string, name: string } | null } | null };

export type TicketRoutingOptionsQueryVariables = Exact<{
  orgId: string;
  userId: string;
}>;


export type TicketRoutingOptionsQuery = { org_memberships: Array<{ id: string, user: { id: string, display_name: string } }>, teams: Array<{ id: string, name: string }>, my_teams: Array<{ team_id: string }> };

export type RouteTicketMutationVariables = Exact<{
  ticketId: string;
  changes: Tickets_Set_Input;
}>;


export type RouteTicketMutation = { update_tickets_by_pk: { id: string } | null };

export type MacrosQueryVariables = Exact<{ [key: string]: never; }>;


export type MacrosQuery = { ticket_macros: Array<{ id: string, name: string }> };

export type AddTicketMessageMutationVariables = Exact<{
  ticketId: string;
  body: string;
  visibility: string;
}>;


export type AddTicketMessageMutation = { insert_ticket_messages_one: { id: string } | null };

export type SetTicketStatusMutationVariables = Exact<{
  ticketId: string;
  status: string;
}>;


export type SetTicketStatusMutation = { update_tickets_by_pk: { id: string, status: string } | null };

export type ApplyMacroMutationVariables = Exact<{
  ticketId: string;
  macroId: string;
}>;


export type ApplyMacroMutation = { apply_macro: Array<{ id: string, status: string }> };

export type MyRequestsSubscriptionVariables = Exact<{
  userId: string;
}>;


export type MyRequestsSubscription = { tickets: Array<{ id: string, number: number, subject: string, status: string, created_at: string }> };

export type RaiseRequestMutationVariables = Exact<{
  subject: string;
  description?: string | null | undefined;
}>;


export type RaiseRequestMutation = { insert_tickets_one: { id: string, number: number } | null };

export type NotificationsSubscriptionVariables = Exact<{
  where: Notifications_Bool_Exp;
}>;


export type NotificationsSubscription = { notifications: Array<{ id: string, title: string, body: string | null, event_type: string, read_at: string | null, created_at: string, actor: { display_name: string } | null }> };

export type MarkNotificationReadMutationVariables = Exact<{
  id: string;
  readAt?: string | null | undefined;
}>;


export type MarkNotificationReadMutation = { update_notifications_by_pk: { id: string, read_at: string | null } | null };

export type MarkAllNotificationsReadMutationVariables = Exact<{
  readAt: string;
}>;


export type MarkAllNotificationsReadMutation = { update_notifications: { affected_rows: number } | null };

export type ViewerQueryVariables = Exact<{
  userId: string;
  orgId: string;
}>;


export type ViewerQuery = { me: { id: string, display_name: string, email: string } | null, orgs: Array<{ id: string, name: string }>, membership: Array<{ id: string, role: Org_Roles_Enum }>, unread: { aggregate: { count: number } | null } };

export type UnreadCountSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type UnreadCountSubscription = { notifications_aggregate: { aggregate: { count: number } | null } };

export type SwitchOrganizationMutationVariables = Exact<{
  orgId: string;
}>;


export type SwitchOrganizationMutation = { switchOrganization: { refresh_token: string } | null };

export type ProjectsQueryVariables = Exact<{ [key: string]: never; }>;


export type ProjectsQuery = { workspaces: Array<{ id: string, name: string, projects: Array<{ id: string, key: string, name: string, status: string, boards: Array<{ id: string, name: string }> }> }> };

export type BoardSubscriptionVariables = Exact<{
  boardId: string;
}>;


export type BoardSubscription = { boards_by_pk: { id: string, name: string, project: { id: string, key: string, name: string }, columns: Array<{ id: string, name: string, wip_limit: number | null, tasks: Array<{ id: string, key: string, title: string, priority: string, due_date: string | null, is_blocked: boolean, version: number, assignees: Array<{ user: { id: string, display_name: string } | null }> }> }> } | null };

export type MoveTaskMutationVariables = Exact<{
  taskId: string;
  columnId: string;
  afterTaskId?: string | null | undefined;
  expectedVersion?: number | null | undefined;
}>;


export type MoveTaskMutation = { move_task: Array<{ id: string, column_id: string | null, position: number, version: number }> };

export type TaskSubscriptionVariables = Exact<{
  taskId: string;
}>;


export type TaskSubscription = { tasks_by_pk: { id: string, key: string, title: string, description: string | null, status: string, priority: string, start_date: string | null, due_date: string | null, is_blocked: boolean, project: { id: string, name: string, members: Array<{ user: { id: string, display_name: string } | null }> }, assignees: Array<{ user: { id: string, display_name: string } | null }>, checklists: Array<{ id: string, title: string, items: Array<{ id: string, title: string, done: boolean }> }>, comments: Array<{ id: string, body: string, created_at: string, author: { display_name: string } | null }>, activity: Array<{ id: string, verb: string, summary: string, created_at: string, actor: { display_name: string } | null }> } | null };

export type ToggleChecklistItemMutationVariables = Exact<{
  itemId: string;
  done: boolean;
}>;


export type ToggleChecklistItemMutation = { update_task_checklist_items_by_pk: { id: string, done: boolean } | null };

export type CommentOnTaskMutationVariables = Exact<{
  taskId: string;
  body: string;
}>;


export type CommentOnTaskMutation = { insert_comments_one: { id: string, mentions: string[] } | null };

export type MyWorkSubscriptionVariables = Exact<{
  userId: string;
}>;


export type MyWorkSubscription = { tasks: Array<{ id: string, key: string, title: string, status: string, priority: string, due_date: string | null, project: { name: string } }> };

export const TicketSummaryFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TicketSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"tickets"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"first_response_at"}},{"kind":"Field","name":{"kind":"Name","value":"first_response_due_at"}},{"kind":"Field","name":{"kind":"Name","value":"resolution_due_at"}},{"kind":"Field","name":{"kind":"Name","value":"sla_paused_at"}},{"kind":"Field","name":{"kind":"Name","value":"assignee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"display_name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"requester"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"display_name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<TicketSummaryFragment, unknown>;
export const ChangePasswordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ChangePassword"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"currentPassword"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"newPassword"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changePassword"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"current_password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"currentPassword"}}},{"kind":"Argument","name":{"kind":"Name","value":"new_password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"newPassword"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refresh_token"}}]}}]}}]} as unknown as DocumentNode<ChangePasswordMutation, ChangePasswordMutationVariables>;
export const SignOutAllDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignOutAll"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signOutAll"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sessions_ended"}}]}}]}}]} as unknown as DocumentNode<SignOutAllMutation, SignOutAllMutationVariables>;
export const EnrollMfaDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EnrollMfa"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enrollMfa"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"otpauth_url"}}]}}]}}]} as unknown as DocumentNode<EnrollMfaMutation, EnrollMfaMutationVariables>;
export const VerifyMfaDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"VerifyMfa"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verifyMfa"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"backup_codes"}}]}}]}}]} as unknown as DocumentNode<VerifyMfaMutation, VerifyMfaMutationVariables>;
export const DisableMfaDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DisableMfa"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"disableMfa"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enabled"}}]}}]}}]} as unknown as DocumentNode<DisableMfaMutation, DisableMfaMutationVariables>;
export const AuditLogDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditLog"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"where"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"audit_log_bool_exp"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"offset"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"audit_log"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"Variable","name":{"kind":"Name","value":"where"}}},{"kind":"Argument","name":{"kind":"Name","value":"order_by"},"value":{"kind":"ListValue","values":[{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"occurred_at"},"value":{"kind":"EnumValue","value":"desc"}}]},{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"EnumValue","value":"desc"}}]}]}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}},{"kind":"Argument","name":{"kind":"Name","value":"offset"},"value":{"kind":"Variable","name":{"kind":"Name","value":"offset"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"table_name"}},{"kind":"Field","name":{"kind":"Name","value":"row_id"}},{"kind":"Field","name":{"kind":"Name","value":"changes"}},{"kind":"Field","name":{"kind":"Name","value":"request_id"}},{"kind":"Field","name":{"kind":"Name","value":"occurred_at"}},{"kind":"Field","name":{"kind":"Name","value":"actor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"display_name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}}]} as unknown as DocumentNode<AuditLogQuery, AuditLogQueryVariables>;
export const DeadLettersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DeadLetters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deadLetters"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"last_error"}},{"kind":"Field","name":{"kind":"Name","value":"created_at"}},{"kind":"Field","name":{"kind":"Name","value":"dead_at"}}]}}]}}]} as unknown as DocumentNode<DeadLettersQuery, DeadLettersQueryVariables>;
export const RetryDeliveryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RetryDelivery"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"eventId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"uuid"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryDelivery"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"event_id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"eventId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"event_id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<RetryDeliveryMutation, RetryDeliveryMutationVariables>;
export const InvitationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Invitations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invitations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"order_by"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"created_at"},"value":{"kind":"EnumValue","value":"desc"}}]}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"expires_at"}},{"kind":"Field","name":{"kind":"Name","value":"accepted_at"}},{"kind":"Field","name":{"kind":"Name","value":"revoked_at"}},{"kind":"Field","name":{"kind":"Name","value":"created_at"}},{"kind":"Field","name":{"kind":"Name","value":"invited_by_user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"display_name"}}]}}]}}]}}]} as unknown as DocumentNode<InvitationsQuery, InvitationsQueryVariables>;
export const InviteMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InviteMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"role"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"message"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inviteMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}},{"kind":"Argument","name":{"kind":"Name","value":"role"},"value":{"kind":"Variable","name":{"kind":"Name","value":"role"}}},{"kind":"Argument","name":{"kind":"Name","value":"message"},"value":{"kind":"Variable","name":{"kind":"Name","value":"message"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invitation_id"}},{"kind":"Field","name":{"kind":"Name","value":"expires_at"}}]}}]}}]} as unknown as DocumentNode<InviteMemberMutation, InviteMemberMutationVariables>;
export const RevokeInvitationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"invitationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"uuid"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"invitation_id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"invitationId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}}]}}]}}]} as unknown as DocumentNode<RevokeInvitationMutation, RevokeInvitationMutationVariables>;
export const ResendInvitationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResendInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"invitationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"uuid"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resendInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"invitation_id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"invitationId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invitation_id"}},{"kind":"Field","name":{"kind":"Name","value":"expires_at"}}]}}]}}]} as unknown as DocumentNode<ResendInvitationMutation, ResendInvitationMutationVariables>;
export const MailboxDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Mailbox"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email_log"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"order_by"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"created_at"},"value":{"kind":"EnumValue","value":"desc"}}]}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"to_address"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"template_key"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"created_at"}},{"kind":"Field","name":{"kind":"Name","value":"sent_at"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]} as unknown as DocumentNode<MailboxQuery, MailboxQueryVariables>;
export const MailboxMessageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MailboxMessage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"uuid"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email_log_by_pk"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"to_address"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"template_key"}},{"kind":"Field","name":{"kind":"Name","value":"created_at"}},{"kind":"Field","name":{"kind":"Name","value":"sent_at"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"html_body"}},{"kind":"Field","name":{"kind":"Name","value":"text_body"}}]}}]}}]} as unknown as DocumentNode<MailboxMessageQuery, MailboxMessageQueryVariables>;
export const MembersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Members"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orgId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"uuid"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"org_memberships"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"org_id"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_eq"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orgId"}}}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"order_by"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"created_at"},"value":{"kind":"EnumValue","value":"asc"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"created_at"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"display_name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}}]} as unknown as DocumentNode<MembersQuery, MembersQueryVariables>;
export const ChangeMemberRoleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ChangeMemberRole"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"membershipId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"uuid"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"role"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changeMemberRole"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"membership_id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"membershipId"}}},{"kind":"Argument","name":{"kind":"Name","value":"role"},"value":{"kind":"Variable","name":{"kind":"Name","value":"role"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}}]}}]}}]} as unknown as DocumentNode<ChangeMemberRoleMutation, ChangeMemberRoleMutationVariables>;
export const RemoveMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"membershipId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"uuid"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"membership_id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"membershipId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}}]}}]}}]} as unknown as DocumentNode<RemoveMemberMutation, RemoveMemberMutationVariables>;
export const OrgSettingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrgSettings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orgId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"uuid"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orgs_by_pk"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orgId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"locale"}},{"kind":"Field","name":{"kind":"Name","value":"plan"}}]}}]}}]} as unknown as DocumentNode<OrgSettingsQuery, OrgSettingsQueryVariables>;
export const UpdateOrgDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateOrg"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orgId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"uuid"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"timezone"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"locale"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"update_orgs_by_pk"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"pk_columns"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orgId"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"_set"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"timezone"},"value":{"kind":"Variable","name":{"kind":"Name","value":"timezone"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"locale"},"value":{"kind":"Variable","name":{"kind":"Name","value":"locale"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<UpdateOrgMutation, UpdateOrgMutationVariables>;
export const WebhooksDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Webhooks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"webhook_subscriptions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"order_by"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"created_at"},"value":{"kind":"EnumValue","value":"desc"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"event_types"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"consecutive_failures"}},{"kind":"Field","name":{"kind":"Name","value":"disabled_reason"}},{"kind":"Field","name":{"kind":"Name","value":"created_at"}}]}}]}}]} as unknown as DocumentNode<WebhooksQuery, WebhooksQueryVariables>;
export const WebhookDeliveriesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebhookDeliveries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"subscriptionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"uuid"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"webhook_deliveries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"subscription_id"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_eq"},"value":{"kind":"Variable","name":{"kind":"Name","value":"subscriptionId"}}}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"order_by"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"created_at"},"value":{"kind":"EnumValue","value":"desc"}}]}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"event_type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"response_code"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"created_at"}},{"kind":"Field","name":{"kind":"Name","value":"last_attempt_at"}}]}}]}}]} as unknown as DocumentNode<WebhookDeliveriesQuery, WebhookDeliveriesQueryVariables>;
export const CreateWebhookDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateWebhook"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"url"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"eventTypes"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"description"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createWebhook"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"url"},"value":{"kind":"Variable","name":{"kind":"Name","value":"url"}}},{"kind":"Argument","name":{"kind":"Name","value":"event_types"},"value":{"kind":"Variable","name":{"kind":"Name","value":"eventTypes"}}},{"kind":"Argument","name":{"kind":"Name","value":"description"},"value":{"kind":"Variable","name":{"kind":"Name","value":"description"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"secret"}}]}}]}}]} as unknown as DocumentNode<CreateWebhookMutation, CreateWebhookMutationVariables>;
export const SetWebhookEnabledDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetWebhookEnabled"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"uuid"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"enabled"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"update_webhook_subscriptions_by_pk"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"pk_columns"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"_set"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"enabled"},"value":{"kind":"Variable","name":{"kind":"Name","value":"enabled"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}}]}}]}}]} as unknown as DocumentNode<SetWebhookEnabledMutation, SetWebhookEnabledMutationVariables>;
export const DeleteWebhookDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteWebhook"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"uuid"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"delete_webhook_subscriptions_by_pk"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<DeleteWebhookMutation, DeleteWebhookMutationVariables>;
export const TestWebhookDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TestWebhook"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"subscriptionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"uuid"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"testWebhook"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"subscription_id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"subscriptionId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"delivery_id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"response_code"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]} as unknown as DocumentNode<TestWebhookMutation, TestWebhookMutationVariables>;
export const RedeliverWebhookDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RedeliverWebhook"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"deliveryId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"uuid"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"redeliverWebhook"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"delivery_id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"deliveryId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"delivery_id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"response_code"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]} as unknown as DocumentNode<RedeliverWebhookMutation, RedeliverWebhookMutationVariables>;
export const CreateApiKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"scopes"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expiresInDays"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}},{"kind":"Argument","name":{"kind":"Name","value":"scopes"},"value":{"kind":"Variable","name":{"kind":"Name","value":"scopes"}}},{"kind":"Argument","name":{"kind":"Name","value":"expires_in_days"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expiresInDays"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"api_key"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"expires_at"}}]}}]}}]} as unknown as DocumentNode<CreateApiKeyMutation, CreateApiKeyMutationVariables>;
export const RevokeApiKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"apiKeyId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"uuid"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"api_key_id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"apiKeyId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}}]}}]}}]} as unknown as DocumentNode<RevokeApiKeyMutation, RevokeApiKeyMutationVariables>;
export const SignInDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignIn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signIn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mfa_required"}},{"kind":"Field","name":{"kind":"Name","value":"mfa_token"}},{"kind":"Field","name":{"kind":"Name","value":"refresh_token"}}]}}]}}]} as unknown as DocumentNode<SignInMutation, SignInMutationVariables>;
export const ChallengeMfaDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ChallengeMfa"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"mfaToken"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"challengeMfa"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"mfa_token"},"value":{"kind":"Variable","name":{"kind":"Name","value":"mfaToken"}}},{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mfa_required"}},{"kind":"Field","name":{"kind":"Name","value":"refresh_token"}}]}}]}}]} as unknown as DocumentNode<ChallengeMfaMutation, ChallengeMfaMutationVariables>;
export const SignUpDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignUp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"displayName"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orgName"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signUp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}},{"kind":"Argument","name":{"kind":"Name","value":"display_name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"displayName"}}},{"kind":"Argument","name":{"kind":"Name","value":"org_name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orgName"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accepted"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<SignUpMutation, SignUpMutationVariables>;
export const VerifyEmailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"VerifyEmail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"token"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verifyEmail"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"token"},"value":{"kind":"Variable","name":{"kind":"Name","value":"token"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}}]}}]}}]} as unknown as DocumentNode<VerifyEmailMutation, VerifyEmailMutationVariables>;
export const AcceptInvitationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AcceptInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"token"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"displayName"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"token"},"value":{"kind":"Variable","name":{"kind":"Name","value":"token"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}},{"kind":"Argument","name":{"kind":"Name","value":"display_name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"displayName"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refresh_token"}}]}}]}}]} as unknown as DocumentNode<AcceptInvitationMutation, AcceptInvitationMutationVariables>;
export const RequestPasswordResetDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestPasswordReset"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestPasswordReset"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accepted"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<RequestPasswordResetMutation, RequestPasswordResetMutationVariables>;
export const ResetPasswordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResetPassword"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"token"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"newPassword"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resetPassword"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"token"},"value":{"kind":"Variable","name":{"kind":"Name","value":"token"}}},{"kind":"Argument","name":{"kind":"Name","value":"new_password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"newPassword"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}}]}}]}}]} as unknown as DocumentNode<ResetPasswordMutation, ResetPasswordMutationVariables>;
export const QueueDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"Queue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tickets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_nin"},"value":{"kind":"ListValue","values":[{"kind":"StringValue","value":"resolved","block":false},{"kind":"StringValue","value":"closed","block":false}]}}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"deleted_at"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_is_null"},"value":{"kind":"BooleanValue","value":true}}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"order_by"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"resolution_due_at"},"value":{"kind":"EnumValue","value":"asc_nulls_last"}}]}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TicketSummary"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TicketSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"tickets"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"first_response_at"}},{"kind":"Field","name":{"kind":"Name","value":"first_response_due_at"}},{"kind":"Field","name":{"kind":"Name","value":"resolution_due_at"}},{"kind":"Field","name":{"kind":"Name","value":"sla_paused_at"}},{"kind":"Field","name":{"kind":"Name","value":"assignee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"display_name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"requester"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"display_name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<QueueSubscription, QueueSubscriptionVariables>;
export const TicketDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"Ticket"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ticketId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"uuid"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tickets_by_pk"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ticketId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TicketSummary"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"merged_into_id"}},{"kind":"Field","name":{"kind":"Name","value":"assignee_id"}},{"kind":"Field","name":{"kind":"Name","value":"team_id"}},{"kind":"Field","name":{"kind":"Name","value":"messages"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"order_by"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"created_at"},"value":{"kind":"EnumValue","value":"asc"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}},{"kind":"Field","name":{"kind":"Name","value":"from_desk"}},{"kind":"Field","name":{"kind":"Name","value":"created_at"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"display_name"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TicketSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"tickets"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"first_response_at"}},{"kind":"Field","name":{"kind":"Name","value":"first_response_due_at"}},{"kind":"Field","name":{"kind":"Name","value":"resolution_due_at"}},{"kind":"Field","name":{"kind":"Name","value":"sla_paused_at"}},{"kind":"Field","name":{"kind":"Name","value":"assignee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"display_name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"requester"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"display_name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<TicketSubscription, TicketSubscriptionVariables>;
export const TicketRoutingOptionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TicketRoutingOptions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orgId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"uuid"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"uuid"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"org_memberships"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"org_id"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_eq"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orgId"}}}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"role"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_in"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"owner"},{"kind":"EnumValue","value":"admin"},{"kind":"EnumValue","value":"manager"},{"kind":"EnumValue","value":"agent"}]}}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"order_by"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"user"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"display_name"},"value":{"kind":"EnumValue","value":"asc"}}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"display_name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"teams"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"deleted_at"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_is_null"},"value":{"kind":"BooleanValue","value":true}}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"order_by"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"name"},"value":{"kind":"EnumValue","value":"asc"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"my_teams"},"name":{"kind":"Name","value":"team_members"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"user_id"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_eq"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"team_id"}}]}}]}}]} as unknown as DocumentNode<TicketRoutingOptionsQuery, TicketRoutingOptionsQueryVariables>;
export const RouteTicketDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RouteTicket"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ticketId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"uuid"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"changes"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"tickets_set_input"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"update_tickets_by_pk"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"pk_columns"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ticketId"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"_set"},"value":{"kind":"Variable","name":{"kind":"Name","value":"changes"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<RouteTicketMutation, RouteTicketMutationVariables>;
export const MacrosDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Macros"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ticket_macros"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"deleted_at"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_is_null"},"value":{"kind":"BooleanValue","value":true}}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"order_by"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"name"},"value":{"kind":"EnumValue","value":"asc"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<MacrosQuery, MacrosQueryVariables>;
export const AddTicketMessageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddTicketMessage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ticketId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"uuid"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"body"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"visibility"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"insert_ticket_messages_one"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"object"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"ticket_id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ticketId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"body"},"value":{"kind":"Variable","name":{"kind":"Name","value":"body"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"visibility"},"value":{"kind":"Variable","name":{"kind":"Name","value":"visibility"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<AddTicketMessageMutation, AddTicketMessageMutationVariables>;
export const SetTicketStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetTicketStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ticketId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"uuid"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"update_tickets_by_pk"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"pk_columns"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ticketId"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"_set"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<SetTicketStatusMutation, SetTicketStatusMutationVariables>;
export const ApplyMacroDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApplyMacro"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ticketId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"uuid"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"macroId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"uuid"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"apply_macro"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"args"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"ticket_id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ticketId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"macro_id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"macroId"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ApplyMacroMutation, ApplyMacroMutationVariables>;
export const MyRequestsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"MyRequests"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"uuid"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tickets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"requester_id"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_eq"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"deleted_at"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_is_null"},"value":{"kind":"BooleanValue","value":true}}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"order_by"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"created_at"},"value":{"kind":"EnumValue","value":"desc"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"created_at"}}]}}]}}]} as unknown as DocumentNode<MyRequestsSubscription, MyRequestsSubscriptionVariables>;
export const RaiseRequestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RaiseRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"subject"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"description"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"insert_tickets_one"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"object"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"subject"},"value":{"kind":"Variable","name":{"kind":"Name","value":"subject"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"description"},"value":{"kind":"Variable","name":{"kind":"Name","value":"description"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}}]}}]}}]} as unknown as DocumentNode<RaiseRequestMutation, RaiseRequestMutationVariables>;
export const NotificationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"Notifications"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"where"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"notifications_bool_exp"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"notifications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"Variable","name":{"kind":"Name","value":"where"}}},{"kind":"Argument","name":{"kind":"Name","value":"order_by"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"created_at"},"value":{"kind":"EnumValue","value":"desc"}}]}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"event_type"}},{"kind":"Field","name":{"kind":"Name","value":"read_at"}},{"kind":"Field","name":{"kind":"Name","value":"created_at"}},{"kind":"Field","name":{"kind":"Name","value":"actor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"display_name"}}]}}]}}]}}]} as unknown as DocumentNode<NotificationsSubscription, NotificationsSubscriptionVariables>;
export const MarkNotificationReadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MarkNotificationRead"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"uuid"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"readAt"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"timestamptz"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"update_notifications_by_pk"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"pk_columns"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"_set"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"read_at"},"value":{"kind":"Variable","name":{"kind":"Name","value":"readAt"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"read_at"}}]}}]}}]} as unknown as DocumentNode<MarkNotificationReadMutation, MarkNotificationReadMutationVariables>;
export const MarkAllNotificationsReadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MarkAllNotificationsRead"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"readAt"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"timestamptz"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"update_notifications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"read_at"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_is_null"},"value":{"kind":"BooleanValue","value":true}}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"archived_at"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_is_null"},"value":{"kind":"BooleanValue","value":true}}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"_set"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"read_at"},"value":{"kind":"Variable","name":{"kind":"Name","value":"readAt"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"affected_rows"}}]}}]}}]} as unknown as DocumentNode<MarkAllNotificationsReadMutation, MarkAllNotificationsReadMutationVariables>;
export const ViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"uuid"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orgId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"uuid"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"me"},"name":{"kind":"Name","value":"users_by_pk"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"display_name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"orgs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"order_by"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"name"},"value":{"kind":"EnumValue","value":"asc"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"membership"},"name":{"kind":"Name","value":"org_memberships"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"user_id"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_eq"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"org_id"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_eq"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orgId"}}}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"unread"},"name":{"kind":"Name","value":"notifications_aggregate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"read_at"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_is_null"},"value":{"kind":"BooleanValue","value":true}}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"archived_at"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_is_null"},"value":{"kind":"BooleanValue","value":true}}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"aggregate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;
export const UnreadCountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"UnreadCount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"notifications_aggregate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"read_at"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_is_null"},"value":{"kind":"BooleanValue","value":true}}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"archived_at"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_is_null"},"value":{"kind":"BooleanValue","value":true}}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"aggregate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}}]}}]} as unknown as DocumentNode<UnreadCountSubscription, UnreadCountSubscriptionVariables>;
export const SwitchOrganizationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SwitchOrganization"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orgId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"uuid"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"switchOrganization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"org_id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orgId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refresh_token"}}]}}]}}]} as unknown as DocumentNode<SwitchOrganizationMutation, SwitchOrganizationMutationVariables>;
export const ProjectsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Projects"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"workspaces"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"deleted_at"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_is_null"},"value":{"kind":"BooleanValue","value":true}}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"order_by"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"name"},"value":{"kind":"EnumValue","value":"asc"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"projects"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"deleted_at"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_is_null"},"value":{"kind":"BooleanValue","value":true}}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"order_by"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"name"},"value":{"kind":"EnumValue","value":"asc"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"boards"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"deleted_at"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_is_null"},"value":{"kind":"BooleanValue","value":true}}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"view_type"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_eq"},"value":{"kind":"StringValue","value":"kanban","block":false}}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"order_by"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"position"},"value":{"kind":"EnumValue","value":"asc"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ProjectsQuery, ProjectsQueryVariables>;
export const BoardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"Board"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"boardId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"uuid"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"boards_by_pk"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"boardId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"project"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"columns"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"order_by"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"position"},"value":{"kind":"EnumValue","value":"asc"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"wip_limit"}},{"kind":"Field","name":{"kind":"Name","value":"tasks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"deleted_at"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_is_null"},"value":{"kind":"BooleanValue","value":true}}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"order_by"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"position"},"value":{"kind":"EnumValue","value":"asc"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"due_date"}},{"kind":"Field","name":{"kind":"Name","value":"is_blocked"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"assignees"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"display_name"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<BoardSubscription, BoardSubscriptionVariables>;
export const MoveTaskDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MoveTask"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"taskId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"uuid"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"columnId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"uuid"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"afterTaskId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"uuid"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"move_task"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"args"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"task_id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"taskId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"column_id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"columnId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"after_task_id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"afterTaskId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"expected_version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"column_id"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<MoveTaskMutation, MoveTaskMutationVariables>;
export const TaskDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"Task"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"taskId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"uuid"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tasks_by_pk"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"taskId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"start_date"}},{"kind":"Field","name":{"kind":"Name","value":"due_date"}},{"kind":"Field","name":{"kind":"Name","value":"is_blocked"}},{"kind":"Field","name":{"kind":"Name","value":"project"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"display_name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"assignees"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"display_name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"checklists"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"order_by"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"position"},"value":{"kind":"EnumValue","value":"asc"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"order_by"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"position"},"value":{"kind":"EnumValue","value":"asc"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"done"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"comments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"deleted_at"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_is_null"},"value":{"kind":"BooleanValue","value":true}}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"order_by"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"created_at"},"value":{"kind":"EnumValue","value":"asc"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"created_at"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"display_name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"activity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"order_by"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"created_at"},"value":{"kind":"EnumValue","value":"asc"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"verb"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"created_at"}},{"kind":"Field","name":{"kind":"Name","value":"actor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"display_name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<TaskSubscription, TaskSubscriptionVariables>;
export const ToggleChecklistItemDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ToggleChecklistItem"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"itemId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"uuid"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"done"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"update_task_checklist_items_by_pk"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"pk_columns"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"itemId"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"_set"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"done"},"value":{"kind":"Variable","name":{"kind":"Name","value":"done"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"done"}}]}}]}}]} as unknown as DocumentNode<ToggleChecklistItemMutation, ToggleChecklistItemMutationVariables>;
export const CommentOnTaskDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CommentOnTask"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"taskId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"uuid"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"body"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"insert_comments_one"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"object"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"entity_type"},"value":{"kind":"EnumValue","value":"task"}},{"kind":"ObjectField","name":{"kind":"Name","value":"entity_id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"taskId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"body"},"value":{"kind":"Variable","name":{"kind":"Name","value":"body"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"mentions"}}]}}]}}]} as unknown as DocumentNode<CommentOnTaskMutation, CommentOnTaskMutationVariables>;
export const MyWorkDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"MyWork"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"uuid"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tasks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"deleted_at"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_is_null"},"value":{"kind":"BooleanValue","value":true}}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_nin"},"value":{"kind":"ListValue","values":[{"kind":"StringValue","value":"done","block":false},{"kind":"StringValue","value":"cancelled","block":false}]}}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"assignees"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"user_id"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_eq"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}}]}}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"order_by"},"value":{"kind":"ListValue","values":[{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"due_date"},"value":{"kind":"EnumValue","value":"asc_nulls_last"}}]},{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"priority"},"value":{"kind":"EnumValue","value":"desc"}}]}]}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"due_date"}},{"kind":"Field","name":{"kind":"Name","value":"project"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<MyWorkSubscription, MyWorkSubscriptionVariables>;