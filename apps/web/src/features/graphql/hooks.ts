'use client';

import type { AnyVariables, TypedDocumentNode } from '@urql/core';
import { useCallback, useEffect, useState } from 'react';
import { ConsoleError, fromCombinedError } from '@/features/errors/console-error';
import { graphqlClient } from './client';

export interface QueryState<Data> {
  data: Data | undefined;
  error: ConsoleError | undefined;
  fetching: boolean;
  refetch: () => void;
}

/** Runs a typed query in the browser and again when its variables change or refetch is called. */
export function useQuery<Data, Variables extends AnyVariables>(document: TypedDocumentNode<Data, Variables>, variables: Variables): QueryState<Data> {
  const key = JSON.stringify(variables);
  const [state, setState] = useState<Omit<QueryState<Data>, 'refetch'> & { key: string }>({ data: undefined, error: undefined, fetching: true, key });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let current = true;
    // A refetch keeps showing the data while it runs; other variables never show the old data.
    setState((previous) => (previous.key === key ? { ...previous, fetching: true } : { data: undefined, error: undefined, fetching: true, key }));
    void graphqlClient
      .query(document, JSON.parse(key) as Variables)
      .toPromise()
      .then((result) => {
        if (current) setState({ data: result.data, error: result.error ? fromCombinedError(result.error) : undefined, fetching: false, key });
      });
    return () => {
      current = false;
    };
  }, [document, key, generation]);
  const refetch = useCallback(() => setGeneration((value) => value + 1), []);
  const fresh = state.key === key;
  return { data: fresh ? state.data : undefined, error: fresh ? state.error : undefined, fetching: state.fetching || !fresh, refetch };
}

export type SubscriptionState<Data> = Omit<QueryState<Data>, 'refetch'>;

/**
 * A live query: the current result at once, then each new result the engine pushes after a
 * change. While the socket reconnects the last result stays on screen.
 */
export function useSubscription<Data, Variables extends AnyVariables>(document: TypedDocumentNode<Data, Variables>, variables: Variables): SubscriptionState<Data> {
  const key = JSON.stringify(variables);
  const [state, setState] = useState<SubscriptionState<Data> & { key: string }>({ data: undefined, error: undefined, fetching: true, key });
  useEffect(() => {
    setState((previous) => (previous.key === key ? previous : { data: undefined, error: undefined, fetching: true, key }));
    const subscription = graphqlClient.subscription(document, JSON.parse(key) as Variables).subscribe((result) => {
      setState((previous) => ({
        data: result.data ?? previous.data,
        error: result.error ? fromCombinedError(result.error) : undefined,
        fetching: false,
        key,
      }));
    });
    return () => subscription.unsubscribe();
  }, [document, key]);
  const fresh = state.key === key;
  return { data: fresh ? state.data : undefined, error: fresh ? state.error : undefined, fetching: state.fetching || !fresh };
}

export type MutationOutcome<Data> = { ok: true; data: Data } | { ok: false; error: ConsoleError };

/** Runs a typed mutation; the outcome carries either the data or a ConsoleError with human text. */
export async function mutate<Data, Variables extends AnyVariables>(
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
): Promise<MutationOutcome<Data>> {
  const result = await graphqlClient.mutation(document, variables).toPromise();
  if (result.error) return { ok: false, error: fromCombinedError(result.error) };
  if (result.data === undefined) return { ok: false, error: new ConsoleError('unexpected', 'The server sent no answer.') };
  return { ok: true, data: result.data };
}

/** A mutation bound to a component: whether it runs, and its last error. */
export function useMutation<Data, Variables extends AnyVariables>(document: TypedDocumentNode<Data, Variables>) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ConsoleError | undefined>(undefined);
  const run = useCallback(
    async (variables: Variables): Promise<Data | undefined> => {
      setPending(true);
      setError(undefined);
      try {
        const outcome = await mutate(document, variables);
        if (!outcome.ok) setError(outcome.error);
        return outcome.ok ? outcome.data : undefined;
      } finally {
        setPending(false);
      }
    },
    [document],
  );
  return { run, pending, error, clearError: () => setError(undefined) };
}
