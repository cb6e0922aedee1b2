import { graphql } from '@/__generated__/graphql';

export const MailboxQuery = graphql(`
  query Mailbox {
    email_log(order_by: { created_at: desc }, limit: 200) {
      id
      to_address
      subject
      template_key
      status
      provider
      created_at
      sent_at
      error
    }
  }
`);

export const MailboxMessageQuery = graphql(`
  query MailboxMessage($id: uuid!) {
    email_log_by_pk(id: $id) {
      id
      to_address
      subject
      status
      provider
      template_key
      created_at
      sent_at
      error
      html_body
      text_body
    }
  }
`);
