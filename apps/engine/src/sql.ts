/** Small helpers for building SQL text: identifiers are always quoted, values are always bound parameters. */

export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A SQL string literal, only for engine-owned constants such as type names in `__typename`. */
export function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** A Postgres array literal (`{"a","b"}`) for a list of text values. */
export function textArrayLiteral(items: readonly string[]): string {
  return `{${items.map((item) => `"${item.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

/** Collects bound parameters; every value travels as text and is cast by the SQL that uses it. */
export class Params {
  readonly values: string[] = [];

  add(value: string): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }

  /** A parameter cast to a column's SQL type. */
  typed(value: string, sqlType: string): string {
    return `(${this.add(value)}::text)::${sqlType}`;
  }
}

/**
 * Parameters read from the JSON array `p` of a lateral row aliased `_v` instead of being bound: one
 * multiplexed statement evaluates many variable sets, one row each.
 */
export class RowParams extends Params {
  override add(value: string): string {
    this.values.push(value);
    return `(_v.p->>${this.values.length - 1})`;
  }
}
