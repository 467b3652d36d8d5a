import type { DomainRuleName } from './rules';

/** A business rule of the alliance was broken (the API answers 422 with `rule`). */
export class DomainRuleViolation extends Error {
  constructor(
    readonly rule: DomainRuleName,
    message: string,
  ) {
    super(message);
    this.name = 'DomainRuleViolation';
  }
}

/**
 * The command names something the stream does not hold (the API answers 404): an empty stream,
 * or an id inside the stream (a declaration, a commitment) that was never recorded.
 */
export class NotFoundInDomain extends Error {
  constructor(
    readonly what: string,
    readonly id: string,
  ) {
    super(`${what} ${id} is not known`);
    this.name = 'NotFoundInDomain';
  }
}

/**
 * A value in the command is malformed by the domain's own standards (the API answers 400 naming
 * `field`). DTO validation at the edge catches most of these first; the domain checks again so
 * that no path (CLI, seed, replay tooling) can record a malformed fact.
 */
export class InvalidCommand extends Error {
  constructor(
    readonly field: string,
    readonly rule: DomainRuleName,
    message?: string,
  ) {
    super(message ?? `${field}: ${rule}`);
    this.name = 'InvalidCommand';
  }
}
