import { graphql } from '@/__generated__/graphql';

export const ProjectsQuery = graphql(`
  query Projects {
    workspaces(where: { deleted_at: { _is_null: true } }, order_by: { name: asc }) {
      id
      name
      projects(where: { deleted_at: { _is_null: true } }, order_by: { name: asc }) {
        id
        key
        name
        status
        boards(where: { deleted_at: { _is_null: true }, view_type: { _eq: "kanban" } }, order_by: { position: asc }) {
          id
          name
        }
      }
    }
  }
`);

export const BoardSubscription = graphql(`
  subscription Board($boardId: uuid!) {
    boards_by_pk(id: $boardId) {
      id
      name
      project {
        id
        key
        name
      }
      columns(order_by: { position: asc }) {
        id
        name
        wip_limit
        tasks(where: { deleted_at: { _is_null: true } }, order_by: { position: asc }) {
          id
          key
          title
          priority
          due_date
          is_blocked
          version
          assignees {
            user {
              id
              display_name
            }
          }
        }
      }
    }
  }
`);

export const MoveTaskMutation = graphql(`
  mutation MoveTask($taskId: uuid!, $columnId: uuid!, $afterTaskId: uuid, $expectedVersion: Int) {
    move_task(args: { task_id: $taskId, column_id: $columnId, after_task_id: $afterTaskId, expected_version: $expectedVersion }) {
      id
      column_id
      position
      version
    }
  }
`);

export const TaskSubscription = graphql(`
  subscription Task($taskId: uuid!) {
    tasks_by_pk(id: $taskId) {
      id
      key
      title
      description
      status
      priority
      start_date
      due_date
      is_blocked
      project {
        id
        name
        members {
          user {
            id
            display_name
          }
        }
      }
      assignees {
        user {
          id
          display_name
        }
      }
      checklists(order_by: { position: asc }) {
        id
        title
        items(order_by: { position: asc }) {
          id
          title
          done
        }
      }
      comments(where: { deleted_at: { _is_null: true } }, order_by: { created_at: asc }) {
        id
        body
        created_at
        author {
          display_name
        }
      }
      activity(order_by: { created_at: asc }) {
        id
        verb
        summary
        created_at
        actor {
          display_name
        }
      }
    }
  }
`);

export const ToggleChecklistItemMutation = graphql(`
  mutation ToggleChecklistItem($itemId: uuid!, $done: Boolean!) {
    update_task_checklist_items_by_pk(pk_columns: { id: $itemId }, _set: { done: $done }) {
      id
      done
    }
  }
`);

export const CommentOnTaskMutation = graphql(`
  mutation CommentOnTask($taskId: uuid!, $body: String!) {
    insert_comments_one(object: { entity_type: task, entity_id: $taskId, body: $body }) {
      id
      mentions
    }
  }
`);

export const MyWorkSubscription = graphql(`
  subscription MyWork($userId: uuid!) {
    tasks(
      where: { deleted_at: { _is_null: true }, status: { _nin: ["done", "cancelled"] }, assignees: { user_id: { _eq: $userId } } }
      order_by: [{ due_date: asc_nulls_last }, { priority: desc }]
      limit: 200
    ) {
      id
      key
      title
      status
      priority
      due_date
      project {
        name
      }
    }
  }
`);
