import type { Sql } from 'postgres';
import type { BaseLogger } from 'pino';

export interface SlaSweepResult {
  warnings: number;
  breaches: number;
  escalations: number;
}

/**
 * sla-sweep (repeatable): one set-based statement over all tenants (app.sla_sweep). It records each
 * warning and breach once per ticket and target, so overlapping runs, retries and worker restarts
 * add nothing twice; the outbox events it writes are then handled like any other.
 */
export function slaSweepProcessor(deps: { sql: Sql; log: Pick<BaseLogger, 'info' | 'debug'> }) {
  return async (): Promise<SlaSweepResult> => {
    const [result] = (await deps.sql`select warnings, breaches, escalations from app.sla_sweep()`) as unknown as [SlaSweepResult];
    if (result.warnings + result.breaches > 0) deps.log.info({ ...result }, 'SLA sweep recorded new events');
    else deps.log.debug('SLA sweep found nothing new');
    return result;
  };
}
