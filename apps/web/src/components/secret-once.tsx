'use client';

import { useState } from 'react';

/** A secret the server shows once: visible, copyable, and said to be unrecoverable. */
export function SecretOnce({ label, value }: { label: string; value: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="alert success" role="status">
      <p>
        <strong>{label}</strong> — copy it now: it is not shown again.
      </p>
      <p className="mono" aria-label={label}>
        {value}
      </p>
      <button
        type="button"
        className="secondary"
        onClick={async () => {
          await navigator.clipboard.writeText(value);
          setCopied(true);
        }}
      >
        {copied ? 'Copied' : 'Copy'}
      </button>
    </div>
  );
}
