import fp from 'fastify-plugin';
import postgres, { type Sql } from 'postgres';

declare module 'fastify' {
  interface FastifyInstance {
    /** Pool for APP_DATABASE_URL (a NOBYPASSRLS role): set the caller's session in each transaction. */
    sql: Sql;
  }
}

export interface PostgresOptions {
  url: string;
}

export const postgresPool = fp<PostgresOptions>(
  async (app, { url }) => {
    const sql = postgres(url, {
      max: 10,
      connect_timeout: 5,
      idle_timeout: 30,
      connection: { application_name: 'workgrid-actions' },
      onnotice: () => {},
    });
    app.decorate('sql', sql);
    app.addHook('onClose', async () => {
      await sql.end({ timeout: 5 });
    });
  },
  { name: 'postgres' },
);
