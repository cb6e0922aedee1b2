import { graphql } from '@/__generated__/graphql';

export const DeadLettersQuery = graphql(`
  query DeadLetters {
    deadLetters(limit: 100) {
      id
      topic
      attempts
      last_error
      created_at
      dead_at
    }
  }
`);

export const RetryDeliveryMutation = graphql(`
  mutation RetryDelivery($eventId: uuid!) {
    retryDelivery(event_id: $eventId) {
      event_id
      status
    }
  }
`);
