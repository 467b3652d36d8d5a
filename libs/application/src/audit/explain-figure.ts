import { AuditInputError } from './audit-input';
import type { AuditService } from './audit.service';
import { Explainer, FIGURES, HOMES_FIGURES, HomesFigure } from './explain';

export interface ExplainInput {
  figure?: string;
  key?: string;
  personId?: string;
  asOf?: string;
  knownOn?: string;
  /** For seat: the day (an alias of asOf). */
  on?: string;
}

/** Checks the input and explains the figure from the log, beside the live read side's figure. */
export function explainFigure(audit: AuditService, input: ExplainInput) {
  const figure = input.figure;
  if (!figure || !(FIGURES as readonly string[]).includes(figure)) {
    throw new AuditInputError(
      'figure',
      `must be one of ${FIGURES.join(', ')} (got ${JSON.stringify(figure)})`,
    );
  }
  if (input.on !== undefined && input.asOf !== undefined && input.on !== input.asOf) {
    throw new AuditInputError('on', 'give on or asOf, not both');
  }
  const at = audit.asOf(input.on ?? input.asOf, input.knownOn, [
    input.on !== undefined ? 'on' : 'asOf',
    'knownOn',
  ]);
  const q = audit.queries();
  const explainer = new Explainer(audit.pool, audit.registry, q.progress, q.governance);
  if (figure === 'seat') return explainer.seat(input.personId, at);
  if (figure in HOMES_FIGURES) return explainer.homes(figure as HomesFigure, input.key, at);
  throw new AuditInputError('figure', `unknown figure ${figure}`);
}
