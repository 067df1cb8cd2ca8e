// Sorted, non-overlapping [start, end) ranges and sorted spans: look-ups by binary search, so scans
// that ask "is this offset inside a quote / a code span?" stay O(log n) per question.

export type Range = [number, number];

export function inSortedRanges(ranges: readonly Range[], i: number): boolean {
  return rangeAt(ranges, i) !== undefined;
}

/** The range that contains `i`, if any. */
export function rangeAt(ranges: readonly Range[], i: number): Range | undefined {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid][1] <= i) lo = mid + 1;
    else if (ranges[mid][0] > i) hi = mid - 1;
    else return ranges[mid];
  }
  return undefined;
}

/** Index of the first item whose start is at or after `pos`, in items sorted by start. */
/** Index of the first value >= x in an ascending list of numbers (binary search). */
export function firstAtLeast(xs: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function firstStartingAt<T extends { start: number }>(items: readonly T[], pos: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether ranges sorted by start also have sorted ends (true for non-overlapping ranges). */
export function endsSorted(ranges: readonly Range[]): boolean {
  for (let i = 1; i < ranges.length; i++) if (ranges[i][1] < ranges[i - 1][1]) return false;
  return true;
}

/**
 * The ranges that overlap [lo, hi), in order, from ranges sorted by start. With sorted ends (see
 * `endsSorted`) this is a binary search; otherwise a scan.
 */
export function overlapping(ranges: readonly Range[], lo: number, hi: number, sortedEnds: boolean): Range[] {
  if (!sortedEnds) return ranges.filter(([s, e]) => s < hi && e > lo);
  let a = 0;
  let b = ranges.length;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (ranges[mid][1] <= lo) a = mid + 1;
    else b = mid;
  }
  const out: Range[] = [];
  for (let i = a; i < ranges.length && ranges[i][0] < hi; i++) if (ranges[i][1] > lo) out.push(ranges[i]);
  return out;
}

/**
 * Overlap questions about many [start, end) spans that may nest and overlap (claim contents,
 * quotes): sorted by start; the few long ones (over `long` characters) are kept apart, so a look-up
 * walks back only over spans that can still reach it.
 */
export class SpanIndex<T extends Readonly<{ 0: number; 1: number }> = Range> {
  private short: T[];
  private longOnes: T[];

  /** `spans` are [start, end, …] tuples; what else they carry comes back with them. */
  constructor(spans: readonly T[], private readonly long = 2000) {
    this.short = spans.filter((x) => x[1] - x[0] <= long).sort((x, y) => x[0] - y[0]);
    this.longOnes = spans.filter((x) => x[1] - x[0] > long);
  }

  /** Every span overlapping [lo, hi), short ones first (by start), then long ones. */
  overlapping(lo: number, hi: number): T[] {
    const out: T[] = [];
    // The first short span starting at or after hi; before it, only spans starting after lo - long can reach lo.
    let a = 0;
    let b = this.short.length;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (this.short[mid][0] < hi) a = mid + 1;
      else b = mid;
    }
    let i = a - 1;
    while (i >= 0 && this.short[i][0] >= lo - this.long) i--;
    for (let k = i + 1; k < a; k++) if (this.short[k][1] > lo) out.push(this.short[k]);
    for (const r of this.longOnes) if (r[0] < hi && r[1] > lo) out.push(r);
    return out;
  }
}
