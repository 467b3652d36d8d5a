/**
 * A housing report's standing after one of its changes: the count it gives and whether it counts
 * as a report (a retraction leaves 0 homes and 0 reports). `occurredAt` is when the change took
 * effect in the world, in milliseconds.
 */
export interface ReportChange {
  occurredAt: number;
  homes: number;
  reports: number;
}

/** A jump in a report's standing at a moment in the world. */
export interface StandingStep {
  occurredAt: number;
  homes: number;
  reports: number;
}

/**
 * What a report contributes to the totals "as true on world date W" is its latest change (in log
 * order) that had happened by W. When a new change becomes known, that contribution changes only
 * for dates after the new change happened, and there it becomes the new change's figures. This
 * returns that difference as steps in world time: summing the steps dated before W gives how much
 * the new change moved the figure for W.
 *
 * Usually a change happens after every earlier one and this is one step. A backdated correction
 * (it happened before a later-dated earlier change) also cancels, from each later-dated change on,
 * what that change would otherwise have contributed: without those steps, the sum for a date after
 * them would count the report's old figure and the correction's difference at once.
 *
 * `known` is the report's earlier changes in log order.
 */
export function standingSteps(known: readonly ReportChange[], next: ReportChange): StandingStep[] {
  // The moments at which the difference changes: the new change's own, and every later-dated
  // earlier change's.
  const moments = [
    ...new Set([
      next.occurredAt,
      ...known.filter((c) => c.occurredAt > next.occurredAt).map((c) => c.occurredAt),
    ]),
  ].sort((a, b) => a - b);
  const steps: StandingStep[] = [];
  let before = { homes: 0, reports: 0 };
  for (const moment of moments) {
    const old = latestHappenedBy(known, moment);
    const difference = { homes: next.homes - old.homes, reports: next.reports - old.reports };
    const step = {
      occurredAt: moment,
      homes: difference.homes - before.homes,
      reports: difference.reports - before.reports,
    };
    // The first step is kept even when it changes nothing (a report retracted as of a date before
    // it was reported): from then on the report is one of its quarter's, with 0 homes, as it is
    // when read from the change history.
    if (steps.length === 0 || step.homes !== 0 || step.reports !== 0) steps.push(step);
    before = difference;
  }
  return steps;
}

/** The report's figures from its latest change (in log order) that had happened by the moment. */
function latestHappenedBy(
  known: readonly ReportChange[],
  moment: number,
): { homes: number; reports: number } {
  for (let i = known.length - 1; i >= 0; i--) {
    if (known[i].occurredAt <= moment) return known[i];
  }
  return { homes: 0, reports: 0 };
}
