import { ProjectionCheckpoints1764500000000 } from './1764500000000-projection-checkpoints';
import { ReadModelTables1764500000001 } from './1764500000001-read-model-tables';
import { HousingTotals1764500000002 } from './1764500000002-housing-totals';
import { HousingStanding1764500000003 } from './1764500000003-housing-standing';
import { HousingReportChanges1764500000004 } from './1764500000004-housing-report-changes';
import { UnusedHousingIndexes1764500000005 } from './1764500000005-unused-housing-indexes';
import { BytewiseReportIds1764500000006 } from './1764500000006-bytewise-report-ids';
import { Organisations1764500000007 } from './1764500000007-organisations';

/** Every read-model migration, in the order it must run. */
export const readModelMigrations = [
  ProjectionCheckpoints1764500000000,
  ReadModelTables1764500000001,
  HousingTotals1764500000002,
  HousingStanding1764500000003,
  HousingReportChanges1764500000004,
  UnusedHousingIndexes1764500000005,
  BytewiseReportIds1764500000006,
  Organisations1764500000007,
];
