import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed documents for the console (apps/web) from the committed SDL of role "user" — the role the
// console talks as — merged with role "anonymous" for the sign-in, sign-up and invitation actions.
// Regenerate the SDL with `npm run schema:snapshot` when metadata or migrations change, then run
// `npm run codegen` and commit apps/web/src/__generated__ (lint type-checks the console against it).
const config: CodegenConfig = {
  schema: ['apps/engine/schema/user.graphql', 'apps/engine/schema/anonymous.graphql'],
  documents: ['apps/web/**/*.{ts,tsx}', '!apps/web/**/__generated__/**', '!**/node_modules/**'],
  ignoreNoDocuments: true,
  generates: {
    'apps/web/src/__generated__/graphql/': {
      preset: 'client',
      // Fragments share a selection between documents; the console reads their fields directly.
      presetConfig: { fragmentMasking: false },
      config: {
        // Extensionless relative imports: the console's bundler (Turbopack) resolves those, not `./gql.js`.
        emitLegacyCommonJSImports: true,
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: {
          uuid: 'string',
          timestamptz: 'string',
          timestamp: 'string',
          date: 'string',
          time: 'string',
          citext: 'string',
          bpchar: 'string',
          inet: 'string',
          interval: 'string',
          bigint: 'number',
          smallint: 'number',
          numeric: 'number',
          float8: 'number',
          json: 'unknown',
          jsonb: 'unknown',
          tsvector: 'string',
          _text: 'string[]',
          _uuid: 'string[]',
          _citext: 'string[]',
        },
      },
    },
  },
};

export default config;
