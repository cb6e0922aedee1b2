import { graphql } from '@/__generated__/graphql';

export const WebhooksQuery = graphql(`
  query Webhooks {
    webhook_subscriptions(order_by: { created_at: desc }) {
      id
      url
      description
      event_types
      enabled
      consecutive_failures
      disabled_reason
      created_at
    }
  }
`);

export const WebhookDeliveriesQuery = graphql(`
  query WebhookDeliveries($subscriptionId: uuid!) {
    webhook_deliveries(where: { subscription_id: { _eq: $subscriptionId } }, order_by: { created_at: desc }, limit: 50) {
      id
      event_type
      status
      attempts
      response_code
      error
      created_at
      last_attempt_at
    }
  }
`);

export const CreateWebhookMutation = graphql(`
  mutation CreateWebhook($url: String!, $eventTypes: [String!]!, $description: String) {
    createWebhook(url: $url, event_types: $eventTypes, description: $description) {
      id
      secret
    }
  }
`);

export const SetWebhookEnabledMutation = graphql(`
  mutation SetWebhookEnabled($id: uuid!, $enabled: Boolean!) {
    update_webhook_subscriptions_by_pk(pk_columns: { id: $id }, _set: { enabled: $enabled }) {
      id
      enabled
    }
  }
`);

export const DeleteWebhookMutation = graphql(`
  mutation DeleteWebhook($id: uuid!) {
    delete_webhook_subscriptions_by_pk(id: $id) {
      id
    }
  }
`);

export const TestWebhookMutation = graphql(`
  mutation TestWebhook($subscriptionId: uuid!) {
    testWebhook(subscription_id: $subscriptionId) {
      delivery_id
      status
      response_code
      error
    }
  }
`);

export const RedeliverWebhookMutation = graphql(`
  mutation RedeliverWebhook($deliveryId: uuid!) {
    redeliverWebhook(delivery_id: $deliveryId) {
      delivery_id
      status
      response_code
      error
    }
  }
`);
