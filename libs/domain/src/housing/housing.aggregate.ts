import type { Decider } from '../shared/events';
import type { HousingReportCommand } from './housing.commands';
import { decideHousingReport } from './housing.decide';
import type { HousingReportEvent } from './housing.events';
import {
  evolveHousingReport,
  initialHousingReportState,
  type HousingReportState,
} from './housing.state';

export const housingReportAggregate: Decider<
  HousingReportState,
  HousingReportCommand,
  HousingReportEvent
> = {
  initialState: initialHousingReportState,
  evolve: evolveHousingReport,
  decide: decideHousingReport,
};
