// Sorted, non-overlapping [start, end) ranges: membership by binary search, so scans that ask
// "is this offset inside a quote / a code span?" stay O(log n) per question.

export type Range = [number, number];

export function inSortedRanges(ranges: readonly Range[], i: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid][1] <= i) lo = mid + 1;
    else if (ranges[mid][0] > i) hi = mid - 1;
    else return true;
  }
  return false;
}
