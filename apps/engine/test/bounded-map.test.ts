import { describe, expect, it } from 'vitest';
import { BoundedMap } from '../src/bounded-map.ts';

describe('BoundedMap (the engine caches: plans, compiled operations, prepared texts, verified tokens)', () => {
  it('holds at most its limit, dropping the entry set longest ago', () => {
    const map = new BoundedMap<string, number>(2);
    map.set('a', 1).set('b', 2).set('c', 3);
    expect([...map]).toEqual([['b', 2], ['c', 3]]);
  });

  it('replaces a key it holds without dropping another', () => {
    const map = new BoundedMap<string, number>(2);
    map.set('a', 1).set('b', 2).set('a', 10);
    expect([...map]).toEqual([['a', 10], ['b', 2]]);
  });

  it('counts a key deleted and set again as the newest (least recently used, as the compiled-operation cache uses it)', () => {
    const map = new BoundedMap<string, number>(2);
    map.set('a', 1).set('b', 2);
    map.delete('a');
    map.set('a', 1).set('c', 3);
    expect([...map.keys()]).toEqual(['a', 'c']);
  });
});
