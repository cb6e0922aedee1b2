import { loadDatabaseUrl } from './lib/config.ts';
import { seed } from './lib/database-setup.ts';
import { runMain } from './lib/fail.ts';

// Loads the idempotent demo data in db/seeds as the owner role.
runMain(async () => {
  const files = await seed(loadDatabaseUrl());
  console.log(files.length > 0 ? `Loaded ${files.length} seed file(s): ${files.join(', ')}.` : 'No seed files in db/seeds.');
});
