import { folded } from '../cell-values';
import type { ImportKind, KindSpec } from '../import-plan';
import { declarations } from './declarations';
import { housingCounts } from './housing-counts';
import { initiatives } from './initiatives';
import { partners } from './partners';
import { seats } from './seats';

export { quarterEnd } from './housing-counts';
export { assemblyIdFor } from './seats';

export const kindSpecs: Record<ImportKind, KindSpec> = {
  partners,
  initiatives,
  declarations,
  seats,
  'housing-counts': housingCounts,
};

/** A kind by its id or one of its sheet names (Danish or English). */
export function kindNamed(name: string): KindSpec | undefined {
  const key = folded(name).replace(/\.(csv|xlsx)$/, '');
  return Object.values(kindSpecs).find(
    (spec) => folded(spec.kind) === key || spec.sheetNames.some((n) => folded(n) === key),
  );
}
