import { loadDatabaseUrl } from './lib/config.ts';
import { migrate } from './lib/database-setup.ts';
import { runMain } from './lib/fail.ts';

// Applies pending db/migrations as the owner role; safe to run any number of times.
runMain(async () => {
  const applied = await migrate(loadDatabaseUrl());
  console.log(applied.length > 0 ? `Applied ${applied.length} migration(s): ${applied.join(', ')}.` : 'Migrations are up to date.');
});
