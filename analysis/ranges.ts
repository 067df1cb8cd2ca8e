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
