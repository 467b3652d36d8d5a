import { ProjectionCheckpoint } from './checkpoints/projection-checkpoint.entity';
import { Alliance } from './entities/alliance.entity';
import { GovernanceTimelineEntry, SeatPeriod } from './entities/governance.entities';
import {
  HousingCountChange,
  HousingReport,
  HousingStanding,
  HousingTotal,
} from './entities/housing.entities';
import { Initiative } from './entities/initiative.entity';
import {
  Organisation,
  Partner,
  PartnerCommitment,
  PartnershipDeclaration,
} from './entities/partner.entities';
import { SetAsideIndexRow } from './entities/set-aside-index.entity';

export * from './entities/alliance.entity';
export * from './entities/governance.entities';
export * from './entities/housing.entities';
export * from './entities/initiative.entity';
export * from './entities/partner.entities';
export * from './entities/set-aside-index.entity';

/**
 * Every TypeORM entity of the read side: the tables as the migrations make them (a test holds
 * the two together). Projections and queries write their SQL by hand, for speed; the entities
 * are the typed description of the schema, for TypeORM's tools and any code that reads a row.
 */
export const readModelEntities = [
  ProjectionCheckpoint,
  Alliance,
  Partner,
  PartnershipDeclaration,
  PartnerCommitment,
  Organisation,
  Initiative,
  HousingReport,
  HousingCountChange,
  HousingTotal,
  HousingStanding,
  SeatPeriod,
  GovernanceTimelineEntry,
  SetAsideIndexRow,
];
