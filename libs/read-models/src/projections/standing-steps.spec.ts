import fc from 'fast-check';
import { ReportChange, standingSteps } from './standing-steps';

/** The report's figures on world date `before` (exclusive), straight from the definition. */
function standingOn(changes: readonly ReportChange[], before: number) {
  for (let i = changes.length - 1; i >= 0; i--) {
    if (changes[i].occurredAt < before)
      return { homes: changes[i].homes, reports: changes[i].reports };
  }
  return { homes: 0, reports: 0 };
}

/** The figures summed from the steps of every change known so far. */
function summedSteps(changes: readonly ReportChange[], before: number) {
  let homes = 0;
  let reports = 0;
  changes.forEach((change, i) => {
    for (const step of standingSteps(changes.slice(0, i), change)) {
      if (step.occurredAt < before) {
        homes += step.homes;
        reports += step.reports;
      }
    }
  });
  return { homes, reports };
}

const change = fc.record({
  occurredAt: fc.integer({ min: 0, max: 20 }),
  homes: fc.integer({ min: 0, max: 30 }),
  reports: fc.integer({ min: 0, max: 1 }),
});

describe("standingSteps: a report's contribution to the figures on any world date", () => {
  it('is one step when the change happened after every earlier one', () => {
    const known = [{ occurredAt: 10, homes: 18, reports: 1 }];
    expect(standingSteps(known, { occurredAt: 12, homes: 16, reports: 1 })).toEqual([
      { occurredAt: 12, homes: -2, reports: 0 },
    ]);
  });

  it('cancels a later-dated earlier change when a correction is backdated before it', () => {
    // Reported 18 on day 10, corrected to 16 on day 30, then corrected to 15 as of day 20.
    const known = [
      { occurredAt: 10, homes: 18, reports: 1 },
      { occurredAt: 30, homes: 16, reports: 1 },
    ];
    const steps = standingSteps(known, { occurredAt: 20, homes: 15, reports: 1 });
    // From day 20: 15 instead of 18 (−3); from day 30: 15 instead of 16 (−1), so +2 on top of −3.
    expect(steps).toEqual([
      { occurredAt: 20, homes: -3, reports: 0 },
      { occurredAt: 30, homes: 2, reports: 0 },
    ]);
  });

  it('summed over every known change, gives the latest change that had happened by any date', () => {
    fc.assert(
      fc.property(
        fc.array(change, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 22 }),
        (changes, before) => {
          for (let known = 1; known <= changes.length; known++) {
            const prefix = changes.slice(0, known);
            expect(summedSteps(prefix, before)).toEqual(standingOn(prefix, before));
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
