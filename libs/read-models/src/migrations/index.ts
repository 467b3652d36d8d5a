import { ProjectionCheckpoints1764500000000 } from './1764500000000-projection-checkpoints';
import { ReadModelTables1764500000001 } from './1764500000001-read-model-tables';
import { HousingTotals1764500000002 } from './1764500000002-housing-totals';
import { HousingStanding1764500000003 } from './1764500000003-housing-standing';

/** Every read-model migration, in the order it must run. */
export const readModelMigrations = [
  ProjectionCheckpoints1764500000000,
  ReadModelTables1764500000001,
  HousingTotals1764500000002,
  HousingStanding1764500000003,
];
