/** BullMQ queue names: producers and the worker import these, never spell them. */
export const QUEUES = {
  maintenance: 'maintenance',
} as const;
