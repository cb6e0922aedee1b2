import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// WCAG 2.2 AA for the design tokens of both themes: 4.5:1 for text (1.4.3), 3:1 for focus rings
// and control borders (1.4.11), computed from the values in globals.css.
const css = readFileSync(new URL('../src/app/globals.css', import.meta.url), 'utf8');
const tokens = new Map([...css.matchAll(/--color-([a-z-]+): light-dark\((#[0-9a-f]{6}), (#[0-9a-f]{6})\);/g)].map((m) => [m[1]!, { light: m[2]!, dark: m[3]! }]));

function luminance(hex: string): number {
  const channel = (offset: number) => {
    const value = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

function contrast(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (high + 0.05) / (low + 0.05);
}

const TEXT_PAIRS: [string, string][] = [
  ['text', 'bg'], ['text', 'surface'], ['text', 'surface-raised'], ['text', 'danger-surface'], ['text', 'success-surface'],
  ['text-muted', 'bg'], ['text-muted', 'surface'], ['text-muted', 'surface-raised'],
  ['accent', 'bg'], ['accent', 'surface'], ['accent', 'surface-raised'], ['accent-hover', 'bg'],
  ['on-accent', 'accent'], ['on-accent', 'accent-hover'],
  ['danger', 'bg'], ['danger', 'surface-raised'], ['danger', 'danger-surface'],
  ['success', 'bg'], ['unread', 'bg'],
];
const NON_TEXT_PAIRS: [string, string][] = [
  ['focus', 'bg'], ['focus', 'surface'], ['border', 'bg'], ['border', 'surface'], ['border', 'surface-raised'],
];

describe.each(['light', 'dark'] as const)('%s theme', (theme) => {
  const color = (name: string) => {
    const token = tokens.get(name);
    if (!token) throw new Error(`no token --color-${name} in globals.css`);
    return token[theme];
  };
  it.each(TEXT_PAIRS)('%s on %s reaches 4.5:1', (foreground, background) => {
    expect(contrast(color(foreground), color(background))).toBeGreaterThanOrEqual(4.5);
  });
  it.each(NON_TEXT_PAIRS)('%s against %s reaches 3:1', (foreground, background) => {
    expect(contrast(color(foreground), color(background))).toBeGreaterThanOrEqual(3);
  });
});
