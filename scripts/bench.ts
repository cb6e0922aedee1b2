import { spawnSync } from 'node:child_process';
import { readdirSync, existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, relative } from 'node:path';
import { markdownTable, RESULTS_PREFIX, type BenchResult } from './bench/harness.ts';
import { repoRoot } from './lib/paths.ts';

// `npm run bench`: runs every benchmark file — `bench/*.bench.ts` of each workspace and
// scripts/bench/*.bench.ts — each in its own process, and prints one table with the command that
// reproduces each row. Adding a benchmark is adding one such file (contract: scripts/bench/harness.ts).
// `npm run bench -- <name>...` runs only the files whose name contains one of the words.

function workspaceDirs(): string[] {
  const appsDir = join(repoRoot, 'apps');
  const apps = existsSync(appsDir) ? readdirSync(appsDir).map((name) => join(appsDir, name)) : [];
  return [join(repoRoot, 'db'), join(repoRoot, 'actions'), ...apps].map((dir) => join(dir, 'bench'));
}

function benchmarkFiles(): string[] {
  return [...workspaceDirs(), join(repoRoot, 'scripts', 'bench')]
    .filter((dir) => existsSync(dir))
    .flatMap((dir) => readdirSync(dir).filter((name) => name.endsWith('.bench.ts')).map((name) => join(dir, name)))
    .sort();
}

const filters = process.argv.slice(2);
const files = benchmarkFiles().filter((file) => filters.length === 0 || filters.some((word) => relative(repoRoot, file).includes(word)));
const rows: string[][] = [];
let failed = false;
for (const file of files) {
  const command = `node --import tsx ${relative(repoRoot, file)}`;
  console.error(`running ${command} …`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', file, '--json'], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const line = run.stdout.split('\n').find((text) => text.startsWith(RESULTS_PREFIX));
  if (run.status !== 0 || !line) {
    failed = true;
    rows.push([relative(repoRoot, file), '(failed)', '', `exit ${run.status ?? run.signal}`, command]);
    continue;
  }
  const { name, results } = JSON.parse(line.slice(RESULTS_PREFIX.length)) as { name: string; results: BenchResult[] };
  for (const result of results) rows.push([name, result.metric, result.value, result.note ?? '', command]);
}
console.log(`\nWorkGrid benchmarks — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}\n`);
console.log(markdownTable(['benchmark', 'metric', 'value', 'note', 'reproduce'], rows));
if (failed) process.exitCode = 1;
