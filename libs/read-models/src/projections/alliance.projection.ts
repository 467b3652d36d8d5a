import type { AllianceFoundedData, AllianceGoalRevisedData } from '@ledger/domain';
import { allianceEventTypes } from '@ledger/domain';
import { RecordedEvent } from '@ledger/event-store';
import { dataOf, Projection, Sql } from '../projection/projection';

/** The alliance: its name, its goal (2300 homes and the years) and how the goal was revised. */
export class AllianceProjection implements Projection {
  readonly name = 'alliance';
  readonly tables = ['alliance'];
  readonly eventTypes = new Set<string>(allianceEventTypes);

  async apply(event: RecordedEvent, sql: Sql): Promise<void> {
    if (event.type === 'AllianceFounded') {
      const d = dataOf<AllianceFoundedData>(event);
      await sql(
        `INSERT INTO alliance (alliance_id, name, goal_homes, goal_from_year, goal_to_year,
           principles, strategic_efforts, founded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          d.allianceId,
          d.name,
          d.goal.homes,
          d.goal.fromYear,
          d.goal.toYear,
          JSON.stringify(d.principles),
          JSON.stringify(d.strategicEfforts),
          event.occurredAt,
        ],
      );
    } else {
      const d = dataOf<AllianceGoalRevisedData>(event);
      await sql(
        `UPDATE alliance SET goal_homes = $2, goal_from_year = $3, goal_to_year = $4,
           goal_history = goal_history || $5::jsonb
         WHERE alliance_id = $1`,
        [
          d.allianceId,
          d.goal.homes,
          d.goal.fromYear,
          d.goal.toYear,
          JSON.stringify([
            {
              from: d.previousGoal,
              to: d.goal,
              reason: d.reason,
              occurredAt: event.occurredAt,
              recordedAt: event.recordedAt,
            },
          ]),
        ],
      );
    }
  }
}
