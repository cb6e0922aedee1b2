import type { Sql } from 'postgres';
import { z } from 'zod';
import { asService } from '../db-session.ts';

const repository = z.object({ full_name: z.string().min(1).max(200) });
const item = z.object({
  number: z.number().int(),
  title: z.string().max(10_000).default(''),
  body: z.string().max(1_000_000).nullish(),
  html_url: z.url({ protocol: /^https$/ }),
  state: z.string().max(40).nullish(),
});
const issueEvent = z.object({ issue: item, repository });
const pullRequestEvent = z.object({ pull_request: item.extend({ head: z.object({ ref: z.string().max(500) }).nullish() }), repository });

interface GithubItem {
  kind: 'issue' | 'pull_request';
  repository: string;
  number: number;
  title: string;
  url: string;
  state: string | null;
  /** Where task keys are looked for: title, body and (pull requests) branch name. */
  text: string;
}

function itemOf(eventType: string, payload: Record<string, unknown>): GithubItem | undefined {
  if (eventType === 'issues') {
    const parsed = issueEvent.safeParse(payload);
    if (!parsed.success) return undefined;
    const { issue, repository: repo } = parsed.data;
    return { kind: 'issue', repository: repo.full_name, number: issue.number, title: issue.title, url: issue.html_url, state: issue.state ?? null,
      text: `${issue.title}\n${issue.body ?? ''}` };
  }
  if (eventType === 'pull_request') {
    const parsed = pullRequestEvent.safeParse(payload);
    if (!parsed.success) return undefined;
    const { pull_request: pr, repository: repo } = parsed.data;
    return { kind: 'pull_request', repository: repo.full_name, number: pr.number, title: pr.title, url: pr.html_url, state: pr.state ?? null,
      text: `${pr.title}\n${pr.body ?? ''}\n${pr.head?.ref ?? ''}` };
  }
  return undefined;
}

/** Task keys (ENG-42) mentioned in text, each once; branch names such as eng-42-fix count too. */
export function taskKeysIn(text: string): { project: string; number: number }[] {
  const keys = new Map<string, { project: string; number: number }>();
  for (const match of text.matchAll(/(?<![A-Za-z0-9])([A-Za-z][A-Za-z0-9]{1,9})-(\d{1,9})(?![0-9])/g)) {
    const project = match[1]!.toUpperCase();
    keys.set(`${project}-${match[2]!}`, { project, number: Number(match[2]) });
  }
  return [...keys.values()].slice(0, 50);
}

export interface GithubLinkOutcome {
  linked: number;
  refreshed: number;
}

/**
 * A verified, deduplicated GitHub issue or pull-request delivery: in every org that connected the
 * repository, links the tasks whose keys it mentions (as background work of that org). The first
 * link of an item to a task adds an activity entry; a later delivery refreshes its title and state.
 */
export async function applyGithubEvent(sql: Sql, eventType: string, deliveryId: string, payload: Record<string, unknown>): Promise<GithubLinkOutcome> {
  const outcome = { linked: 0, refreshed: 0 };
  const found = itemOf(eventType, payload);
  if (!found) return outcome;
  const keys = taskKeysIn(found.text);
  if (keys.length === 0) return outcome;
  const [row] = await sql`select app.github_repository_orgs(${found.repository}) as orgs`;
  const externalId = `${found.repository}#${found.number}`;
  for (const orgId of (row?.orgs ?? []) as string[]) {
    await asService(sql, orgId, async (tx) => {
      const tasks = await tx`
        select t.id, t.project_id, t.key from tasks t join projects p on p.id = t.project_id
         where t.deleted_at is null
           and (p.key, t.number) in (select * from unnest(${keys.map((key) => key.project)}::text[], ${keys.map((key) => key.number)}::int[]))`;
      for (const task of tasks) {
        const [link] = await tx`
          insert into task_external_links (org_id, project_id, task_id, provider, kind, external_id, url, title, state, delivery_id)
          values (${orgId}, ${task.project_id as string}, ${task.id as string}, 'github', ${found.kind}, ${externalId}, ${found.url},
                  ${found.title.slice(0, 500)}, ${found.state}, ${deliveryId})
          on conflict (task_id, provider, external_id)
          do update set title = excluded.title, state = excluded.state, url = excluded.url, delivery_id = excluded.delivery_id
          returning (xmax = 0) as created`;
        if (link?.created !== true) {
          outcome.refreshed += 1;
          continue;
        }
        outcome.linked += 1;
        const what = found.kind === 'issue' ? 'issue' : 'pull request';
        await tx`
          insert into activity_feed (org_id, actor_id, verb, entity_type, entity_id, summary, data)
          values (${orgId}, null, 'task.linked', 'task', ${task.id as string},
                  ${`${task.key as string} linked to GitHub ${what} ${externalId}: ${found.title}`.slice(0, 500)},
                  ${tx.json({ project_id: task.project_id as string, provider: 'github', kind: found.kind, external_id: externalId, url: found.url, delivery_id: deliveryId })})`;
      }
    });
  }
  return outcome;
}
