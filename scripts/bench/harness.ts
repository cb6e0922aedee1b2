// The contract between benchmark files and `npm run bench` (scripts/bench.ts): a benchmark file
// (any `bench/*.bench.ts` of a workspace, or scripts/bench/) ends with
//   await runBenchmark({ name: 'identity', run: async (report) => { report(...); } });
// Run directly, it prints its own table; run by `npm run bench`, it hands its results over as JSON.

export interface BenchResult {
  metric: string;
  /** Empty when the measurement was skipped (see note). */
  value: string;
  note?: string;
}

export interface Benchmark {
  name: string;
  run: (report: (result: BenchResult) => void) => Promise<void>;
}

/** The line prefix under which a benchmark hands its results to the runner. */
export const RESULTS_PREFIX = 'WORKGRID_BENCH_RESULTS ';

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Runs `task` `total` times with `concurrency` in flight: rate per second and latency percentiles (ms). */
export async function measure(total: number, concurrency: number, task: (i: number) => Promise<void>) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t = performance.now();
        await task(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { perSecond: total / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

export const fixed = (n: number, digits = 1) => n.toFixed(digits);

/** Renders rows as a Markdown table (readable in a terminal too). */
export function markdownTable(header: string[], rows: string[][]): string {
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

export async function runBenchmark(benchmark: Benchmark): Promise<void> {
  const results: BenchResult[] = [];
  await benchmark.run((result) => results.push(result));
  if (process.argv.includes('--json')) {
    console.log(RESULTS_PREFIX + JSON.stringify({ name: benchmark.name, results }));
    return;
  }
  console.log(markdownTable(['metric', 'value', 'note'], results.map((r) => [r.metric, r.value, r.note ?? ''])));
}
