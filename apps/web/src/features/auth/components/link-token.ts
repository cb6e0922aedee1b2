'use client';

import { useSearchParams } from 'next/navigation';

/** The one-time token of an emailed link (`?token=`). */
export function useLinkToken(): string {
  return useSearchParams().get('token') ?? '';
}
