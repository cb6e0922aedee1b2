import { graphql } from '@/__generated__/graphql';

export const OrgSettingsQuery = graphql(`
  query OrgSettings($orgId: uuid!) {
    orgs_by_pk(id: $orgId) {
      id
      name
      slug
      timezone
      locale
      plan
    }
  }
`);

export const UpdateOrgMutation = graphql(`
  mutation UpdateOrg($orgId: uuid!, $name: String!, $timezone: String!, $locale: String!) {
    update_orgs_by_pk(pk_columns: { id: $orgId }, _set: { name: $name, timezone: $timezone, locale: $locale }) {
      id
      name
    }
  }
`);
