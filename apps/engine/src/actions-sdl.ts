import { Kind, parse, print, type FieldDefinitionNode, type InputValueDefinitionNode, type ObjectTypeDefinitionNode, type ObjectTypeExtensionNode } from 'graphql';

/** An argument or field of an action or custom type, as in Hasura's exported metadata. */
export interface TypedName {
  name: string;
  type: string;
  description?: string;
}

export interface ActionDefinitionSdl {
  type: 'query' | 'mutation';
  arguments: TypedName[];
  output_type: string;
  description?: string;
}

export interface CustomTypes {
  scalars: { name: string; description?: string }[];
  enums: { name: string; description?: string; values: { value: string; description?: string }[] }[];
  input_objects: { name: string; description?: string; fields: TypedName[] }[];
  objects: { name: string; description?: string; fields: TypedName[]; relationships?: unknown[] }[];
}

export interface ActionsSdl {
  definitions: Map<string, ActionDefinitionSdl>;
  customTypes: CustomTypes;
}

const described = (description: { value: string } | undefined): { description?: string } => (description ? { description: description.value } : {});

const typed = (node: FieldDefinitionNode | InputValueDefinitionNode): TypedName => ({ name: node.name.value, type: print(node.type), ...described(node.description) });

/**
 * Reads a CLI `actions.graphql`: `type Query`/`type Mutation` (or their extensions) declare the
 * actions' arguments and output types; every other definition is a custom type.
 */
export function parseActionsSdl(text: string): ActionsSdl {
  const definitions = new Map<string, ActionDefinitionSdl>();
  const customTypes: CustomTypes = { scalars: [], enums: [], input_objects: [], objects: [] };
  const roots = (node: ObjectTypeDefinitionNode | ObjectTypeExtensionNode, type: 'query' | 'mutation'): void => {
    for (const field of node.fields ?? []) {
      definitions.set(field.name.value, { type, arguments: (field.arguments ?? []).map(typed), output_type: print(field.type), ...described(field.description) });
    }
  };
  for (const node of parse(text).definitions) {
    switch (node.kind) {
      case Kind.OBJECT_TYPE_DEFINITION:
      case Kind.OBJECT_TYPE_EXTENSION:
        if (node.name.value === 'Query' || node.name.value === 'Mutation') roots(node, node.name.value === 'Query' ? 'query' : 'mutation');
        else customTypes.objects.push({ name: node.name.value, ...described(node.kind === Kind.OBJECT_TYPE_DEFINITION ? node.description : undefined), fields: (node.fields ?? []).map(typed) });
        break;
      case Kind.INPUT_OBJECT_TYPE_DEFINITION:
        customTypes.input_objects.push({ name: node.name.value, ...described(node.description), fields: (node.fields ?? []).map(typed) });
        break;
      case Kind.ENUM_TYPE_DEFINITION:
        customTypes.enums.push({ name: node.name.value, ...described(node.description), values: (node.values ?? []).map((value) => ({ value: value.name.value, ...described(value.description) })) });
        break;
      case Kind.SCALAR_TYPE_DEFINITION:
        customTypes.scalars.push({ name: node.name.value, ...described(node.description) });
        break;
      default:
        throw new Error(`actions.graphql: unsupported definition ${node.kind}`);
    }
  }
  return { definitions, customTypes };
}

/** actions.yaml's actions and custom_types completed with actions.graphql, into exported-metadata shape. */
export function mergeActionsSdl(actions: unknown[], yamlTypes: Record<string, unknown> | undefined, sdl: ActionsSdl): { actions: unknown[]; custom_types: CustomTypes } {
  const merged = actions.map((raw) => {
    const action = raw as { name: string; definition?: Record<string, unknown> };
    const declared = sdl.definitions.get(action.name);
    return declared ? { ...action, definition: { ...action.definition, ...declared } } : action;
  });
  const yamlObjects = (yamlTypes?.['objects'] ?? []) as { name: string; relationships?: unknown[] }[];
  const objects = sdl.customTypes.objects.map((object) => {
    const relationships = yamlObjects.find((candidate) => candidate.name === object.name)?.relationships;
    return relationships ? { ...object, relationships } : object;
  });
  return { actions: merged, custom_types: { ...sdl.customTypes, objects } };
}
