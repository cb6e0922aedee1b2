// Applies WorkGrid's patches to installed dependencies; idempotent, plain Node (runs from
// ensure-deps.mjs before start/test/lint, and in the actions image after npm ci).
//
// postgres (postgres.js) 3.4.9: when Postgres cuts a connection (restart, pg_terminate_backend), a
// write scheduled for the dead socket throws from a setImmediate callback — an uncaught exception
// that kills the process (porsager/postgres#1154, #1208) — and bytes left unsent are prepended to the
// next connection's startup message, and a transaction's next statement sent to the dead connection
// parks it as busy for good: the pool stalls. The patch drops the dead connection's unsent bytes when
// it closes, never writes to a missing socket (as the upstream proposals #1168 and #1176 do), and
// fails statements sent to a cut connection with CONNECTION_CLOSED; a connection cut while it
// loads the array types no longer leaves an unhandled rejection. When the driver's code no longer
// matches (a fixed release), the patch is skipped with a notice.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const MARKER = 'patched by WorkGrid: porsager/postgres#1154';

const postgresEdits = [
  {
    // A statement sent to a connection Postgres has cut (the next statement of a transaction) fails
    // at once; answering "sent" keeps the pool from parking the dead connection as busy forever.
    find: "  function execute(q) {\n    if (terminated)\n      return queryError(q, Errors.connection('CONNECTION_DESTROYED', options))\n",
    replace: `  function execute(q) {
    if (terminated)
      return queryError(q, Errors.connection('CONNECTION_DESTROYED', options))

    if (socket === null) // ${MARKER}
      return queryError(q, Errors.connection('CONNECTION_CLOSED', options)), true
`,
  },
  {
    // Nothing is written to a socket that is gone (it used to throw from a setImmediate callback).
    find: '  function nextWrite(fn) {\n    const x = socket.write(chunk, fn)',
    replace: `  function nextWrite(fn) {
    if (socket === null) {
      chunk = nextWriteTimer = null
      return false
    }
    const x = socket.write(chunk, fn)`,
  },
  {
    // The unsent bytes of a cut connection are dropped, not prepended to the next connection's startup.
    find: "    clearImmediate(nextWriteTimer)\n    socket.removeListener('data', data)",
    replace: "    clearImmediate(nextWriteTimer)\n    chunk = nextWriteTimer = null\n    socket.removeListener('data', data)",
  },
  {
    // A connection cut while it loads the array types fails its first query instead of leaving an
    // unhandled rejection (which ends the process).
    find: '        initial.reserve && (initial = null)\n        return fetchArrayTypes()\n',
    replace: '        initial.reserve && (initial = null)\n        return fetchArrayTypes().catch(error)\n',
  },
];

const patches = [
  { module: 'postgres', files: ['src/connection.js', 'cjs/src/connection.js', 'cf/src/connection.js'], edits: postgresEdits },
];

export function patchDependencies(log = console.log) {
  for (const patch of patches) {
    const moduleDir = join(root, 'node_modules', patch.module);
    if (!existsSync(moduleDir)) continue;
    for (const file of patch.files.map((name) => join(moduleDir, name)).filter(existsSync)) {
      const source = readFileSync(file, 'utf8');
      if (source.includes(MARKER)) continue;
      if (!patch.edits.every((edit) => source.split(edit.find).length === 2)) {
        log(`notice: ${patch.module} (${file}) no longer matches its patch; check that porsager/postgres#1154 is fixed there.`);
        continue;
      }
      writeFileSync(file, patch.edits.reduce((text, edit) => text.replace(edit.find, edit.replace), source));
    }
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) patchDependencies();
