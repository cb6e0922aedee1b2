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
