import { applyDecorators, Type as ClassType } from '@nestjs/common';
import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateBy,
  ValidateIf,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';
import { isIsoDate, isIsoDateTime, type DomainRuleName } from '@ledger/domain';
import { YEAR_RANGE, yearInRange } from '../shared/date-range';

/**
 * Field decorators for command bodies: each checks a field the way the domain will, and names
 * the domain's rule in the 400 (`whole-number-above-zero`), so the edge and the domain speak one
 * language. The domain checks again behind them; these exist so that every bad field is named in
 * one answer instead of the first one the domain trips over.
 */

/** The domain's id format (requireId): ids become part of stream names. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/;
export const ID_MESSAGE = "must be 1-100 letters, digits, '-', '_', '.' or ':'";

interface FieldOptions {
  /** Absent is allowed. */
  optional?: boolean;
  /** null is allowed too (the domain stores it as "not given"). */
  nullable?: boolean;
  description?: string;
  example?: unknown;
}

const as = (
  rule: DomainRuleName | 'text-length' | 'list-length' | 'number-range',
  message: string,
  each = false,
): ValidationOptions => ({
  message,
  context: { rule },
  each,
});

function presence(options: FieldOptions): PropertyDecorator {
  if (options.nullable) return IsOptional();
  if (options.optional) return ValidateIf((_object, value) => value !== undefined);
  return IsDefined(as('required', 'is required'));
}

function documented(options: FieldOptions, schema: ApiPropertyOptions): PropertyDecorator {
  return ApiProperty({
    required: !(options.optional || options.nullable),
    nullable: options.nullable || undefined,
    description: options.description,
    example: options.example,
    ...schema,
  } as ApiPropertyOptions);
}

export function Id(options: FieldOptions = {}): PropertyDecorator {
  return applyDecorators(
    presence(options),
    IsString(as('id-format', ID_MESSAGE)),
    Matches(ID_PATTERN, as('id-format', ID_MESSAGE)),
    documented(options, { type: String, pattern: ID_PATTERN.source, maxLength: 100 }),
  );
}

export function Text(maxLength: number, options: FieldOptions = {}): PropertyDecorator {
  return applyDecorators(
    presence(options),
    IsString(as('required', 'must be text')),
    Matches(/\S/, as('required', 'must not be blank')),
    MaxLength(maxLength, as('text-length', `must be at most ${maxLength} characters`)),
    documented(options, { type: String, minLength: 1, maxLength }),
  );
}

export function TextList(
  maxItems: number,
  maxLength: number,
  options: FieldOptions = {},
): PropertyDecorator {
  return applyDecorators(
    presence(options),
    IsArray(as('required', 'must be a list')),
    ArrayMaxSize(maxItems, as('list-length', `must hold at most ${maxItems} entries`)),
    IsString(as('required', 'each entry must be text', true)),
    MinLength(1, as('required', 'no entry may be empty', true)),
    MaxLength(
      maxLength,
      as('text-length', `each entry must be at most ${maxLength} characters`, true),
    ),
    documented(options, { type: [String], maxItems }),
  );
}

export function IdList(
  maxItems: number,
  options: FieldOptions & { minItems?: number } = {},
): PropertyDecorator {
  return applyDecorators(
    presence(options),
    IsArray(as('required', 'must be a list')),
    ArrayMinSize(
      options.minItems ?? 0,
      as('required', `must hold at least ${options.minItems ?? 0} entries`),
    ),
    ArrayMaxSize(maxItems, as('list-length', `must hold at most ${maxItems} entries`)),
    ArrayUnique(undefined, as('distinct-values', 'must not repeat an entry')),
    IsString(as('id-format', `each entry ${ID_MESSAGE}`, true)),
    Matches(ID_PATTERN, as('id-format', `each entry ${ID_MESSAGE}`, true)),
    documented(options, { type: [String], maxItems, uniqueItems: true }),
  );
}

/** One of the alliance's listed words (sectors, roles, phases, ...). */
export function OneOf(values: readonly string[], options: FieldOptions = {}): PropertyDecorator {
  return applyDecorators(
    presence(options),
    IsIn([...values], as('known-value', `must be one of ${values.join(', ')}`)),
    documented(options, { enum: [...values], type: String }),
  );
}

export function ListOf(
  values: readonly string[],
  options: FieldOptions & { minItems?: number } = {},
): PropertyDecorator {
  return applyDecorators(
    presence(options),
    IsArray(as('required', 'must be a list')),
    ArrayMinSize(
      options.minItems ?? 0,
      as('required', `must hold at least ${options.minItems ?? 0} entries`),
    ),
    ArrayUnique(undefined, as('distinct-values', 'must not repeat an entry')),
    IsIn([...values], as('known-value', `each entry must be one of ${values.join(', ')}`, true)),
    documented(options, { enum: [...values], isArray: true, uniqueItems: true }),
  );
}

/** Counts, targets, amounts: whole numbers from `min` (1 unless said) up to a sane maximum. */
export function WholeNumber(
  max: number,
  options: FieldOptions & { min?: number; rule?: DomainRuleName } = {},
): PropertyDecorator {
  const min = options.min ?? 1;
  const rule = options.rule ?? 'whole-number-above-zero';
  const message =
    rule === 'whole-number-above-zero'
      ? 'must be a whole number above 0'
      : `must be a whole number from ${min} to ${max}`;
  return applyDecorators(
    presence(options),
    IsInt(as(rule, message)),
    Min(min, as(rule, message)),
    Max(
      max,
      as(
        rule === 'whole-number-above-zero' ? 'number-range' : rule,
        rule === 'whole-number-above-zero' ? `must be at most ${max}` : message,
      ),
    ),
    documented(options, { type: 'integer', minimum: min, maximum: max }),
  );
}

/** A number above zero (a commitment's measurable target may be 2.5 FTE). */
export function PositiveNumber(max: number, options: FieldOptions = {}): PropertyDecorator {
  return applyDecorators(
    presence(options),
    IsNumber(
      { allowNaN: false, allowInfinity: false },
      as('positive-number', 'must be a number above 0'),
    ),
    ValidateBy(
      { name: 'isAboveZero', validator: { validate: (v) => typeof v === 'number' && v > 0 } },
      as('positive-number', 'must be a number above 0'),
    ),
    Max(max, as('number-range', `must be at most ${max}`)),
    documented(options, { type: 'number', minimum: 0, exclusiveMinimum: true, maximum: max }),
  );
}

export function FiniteNumber(
  min: number,
  max: number,
  options: FieldOptions = {},
): PropertyDecorator {
  return applyDecorators(
    presence(options),
    IsNumber({ allowNaN: false, allowInfinity: false }, as('finite-number', 'must be a number')),
    Min(min, as('number-range', `must be at least ${min}`)),
    Max(max, as('number-range', `must be at most ${max}`)),
    documented(options, { type: 'number', minimum: min, maximum: max }),
  );
}

export function Bool(options: FieldOptions = {}): PropertyDecorator {
  return applyDecorators(
    presence(options),
    IsBoolean(as('required', 'must be true or false')),
    documented(options, { type: Boolean }),
  );
}

const DAY_MESSAGE = `must be a real date as YYYY-MM-DD, in the years ${YEAR_RANGE}`;

/** The one range of years every date is held to (input/date-range.ts), queries' and commands'. */
const InYearRange = (message: string) =>
  ValidateBy(
    { name: 'isInYearRange', validator: { validate: (v) => yearInRange(v) } },
    as('iso-date', message),
  );

/** A calendar day, YYYY-MM-DD, that exists (2019-02-30 does not), in the range of years. */
export function Day(options: FieldOptions = {}): PropertyDecorator {
  return applyDecorators(
    presence(options),
    IsISO8601({ strict: true, strictSeparator: true }, as('iso-date', DAY_MESSAGE)),
    ValidateBy(
      { name: 'isIsoDay', validator: { validate: (v) => isIsoDate(v) } },
      as('iso-date', DAY_MESSAGE),
    ),
    InYearRange(DAY_MESSAGE),
    documented(options, { type: String, format: 'date' }),
  );
}

const WHEN_MESSAGE = `must be a real date (YYYY-MM-DD) or an ISO date-time with an offset, in the years ${YEAR_RANGE}`;

/**
 * When a fact happened in the world: a day or an instant with its offset. Defaults to the moment
 * the command arrives; give it whenever a fact is entered late (a May election typed in June).
 */
export function OccurredAt(options: FieldOptions = { optional: true }): PropertyDecorator {
  return applyDecorators(
    presence(options),
    IsISO8601({ strict: true, strictSeparator: true }, as('iso-date', WHEN_MESSAGE)),
    ValidateBy(
      {
        name: 'isIsoDayOrInstant',
        validator: { validate: (v) => isIsoDate(v) || isIsoDateTime(v) },
      },
      as('iso-date', WHEN_MESSAGE),
    ),
    InYearRange(WHEN_MESSAGE),
    documented(
      {
        description:
          'When it happened in the world (YYYY-MM-DD or an ISO date-time with offset); defaults to when the command arrives.',
        ...options,
      },
      { type: String },
    ),
  );
}

/** A nested object, validated field by field (its paths in a 400 read `goal.homes`). */
export function Nested(
  type: () => ClassType<unknown>,
  options: FieldOptions = {},
): PropertyDecorator {
  return applyDecorators(
    presence(options),
    IsObject(as('required', 'must be an object')),
    ValidateNested(as('required', 'must be an object')),
    Type(type),
    // Swagger takes a function as a lazy type only when it is named `type` (isLazyTypeFunc); the
    // caller's arrow is nameless, so it was read as a class with no name: `$ref: .../schemas/`.
    documented(options, { type: () => type() }),
  );
}

/** A list of nested objects. */
export function NestedList(
  type: () => ClassType<unknown>,
  maxItems: number,
  options: FieldOptions = {},
): PropertyDecorator {
  return applyDecorators(
    presence(options),
    IsArray(as('required', 'must be a list')),
    ArrayMinSize(1, as('required', 'must hold at least 1 entry')),
    ArrayMaxSize(maxItems, as('list-length', `must hold at most ${maxItems} entries`)),
    IsObject(as('required', 'each entry must be an object', true)),
    ValidateNested({ ...as('required', 'each entry must be an object'), each: true }),
    Type(type),
    documented(options, { type: () => type(), isArray: true } as ApiPropertyOptions),
  );
}

/** The quarter a housing count belongs to, YYYY-Qn. */
export function Quarter(options: FieldOptions = {}): PropertyDecorator {
  const message = `must be a quarter as YYYY-Qn (n from 1 to 4), in the years ${YEAR_RANGE}`;
  return applyDecorators(
    presence(options),
    IsString(as('quarter-period', message)),
    Matches(/^\d{4}-Q[1-4]$/, as('quarter-period', message)),
    ValidateBy(
      { name: 'isInYearRange', validator: { validate: (v) => yearInRange(v) } },
      as('quarter-period', message),
    ),
    documented(options, { type: String, pattern: '^\\d{4}-Q[1-4]$' }),
  );
}
