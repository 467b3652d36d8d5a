/** Counts below this are shown as "<5" on the public page, so no young person can be recognised. */
export const SMALL_COUNT_THRESHOLD = 5;

/** What the public sees of a count in a breakdown: the number, or "<5" when it is small. */
export type PublicCount = number | '<5' | 'hidden';

/**
 * Small-cell suppression of one breakdown whose cells add up to a published total, done here on
 * the server so the raw numbers never reach a browser. Cells below the threshold become "<5".
 * If that hides exactly one cell, the total minus the others would give it away, so the smallest
 * other cell is hidden too ("hidden"): two hidden cells show only their sum.
 */
export function suppressBreakdown(counts: number[]): PublicCount[] {
  const shown: PublicCount[] = counts.map((count) =>
    count < SMALL_COUNT_THRESHOLD ? '<5' : count,
  );
  const small = shown.filter((cell) => cell === '<5').length;
  if (small === 1 && counts.length > 1) {
    let partner = -1;
    counts.forEach((count, index) => {
      if (shown[index] !== '<5' && (partner === -1 || count < counts[partner])) partner = index;
    });
    if (partner !== -1) shown[partner] = 'hidden';
  }
  return shown;
}
