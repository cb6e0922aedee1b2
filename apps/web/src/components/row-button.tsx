'use client';

interface RowButtonProps {
  /** What the button does ("Retry"). */
  label: string;
  /** What it does it to, said to screen readers after the label so each row's button has its own name. */
  target: string;
  variant?: 'secondary' | 'danger';
  disabled?: boolean;
  pressed?: boolean;
  onClick: () => void | Promise<void>;
}

/** A button acting on one row of a table. */
export function RowButton({ label, target, variant = 'secondary', disabled, pressed, onClick }: RowButtonProps) {
  return (
    <button type="button" className={variant} disabled={disabled} aria-pressed={pressed} onClick={() => void onClick()}>
      {label}
      <span className="visually-hidden"> {target}</span>
    </button>
  );
}
