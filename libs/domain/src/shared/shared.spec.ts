import { DomainRuleViolation, InvalidCommand, NotFoundInDomain } from './errors';
import { contains, isIsoDate, isIsoDateTime, overlaps, resolveOccurredAt } from './dates';
import { requireId, requireWholeNumberAboveZero } from './values';

describe('dates', () => {
  it.each(['2019-02-28', '2020-02-29', '2018-12-31'])('accepts the real date %s', (day) => {
    expect(isIsoDate(day)).toBe(true);
  });

  it.each(['2019-02-30', '2019-02-29', '2018-13-01', '2018-04-31', '18-05-15', '2018-5-15', ''])(
    'refuses the impossible or malformed date %p',
    (day) => {
      expect(isIsoDate(day)).toBe(false);
    },
  );

  it('accepts date-times with an offset and refuses impossible ones', () => {
    expect(isIsoDateTime('2018-05-15T18:30:00+02:00')).toBe(true);
    expect(isIsoDateTime('2018-05-15T18:30:00.123Z')).toBe(true);
    expect(isIsoDateTime('2018-05-15T24:30:00Z')).toBe(false);
    expect(isIsoDateTime('2019-02-30T10:00:00Z')).toBe(false);
    expect(isIsoDateTime('2018-05-15T18:30:00')).toBe(false);
  });

  it('takes the day as written, not as shifted to UTC', () => {
    expect(resolveOccurredAt('2018-05-15T00:30:00+02:00', undefined)).toEqual({
      occurredAt: '2018-05-14T22:30:00.000Z',
      day: '2018-05-15',
    });
  });

  it('falls back to now, and needs one of the two', () => {
    expect(resolveOccurredAt(undefined, '2026-01-15T09:00:00.000Z').day).toBe('2026-01-15');
    expect(() => resolveOccurredAt(undefined, undefined)).toThrow(InvalidCommand);
  });

  it('treats intervals as half-open, so a successor may start the day a term ends', () => {
    expect(
      overlaps({ from: '2018-05-15', until: '2019-05-14' }, { from: '2019-05-14', until: null }),
    ).toBe(false);
    expect(overlaps({ from: '2018-05-15', until: null }, { from: '2019-05-14', until: null })).toBe(
      true,
    );
    expect(contains({ from: '2018-05-15', until: '2019-05-14' }, '2019-05-14')).toBe(false);
  });
});

describe('values and errors', () => {
  it('name the field and the rule', () => {
    let error: unknown;
    try {
      requireWholeNumberAboveZero('count', 0);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidCommand);
    expect(error).toMatchObject({
      field: 'count',
      rule: 'whole-number-above-zero',
      name: 'InvalidCommand',
    });
    expect(() => requireId('partnerId', 'a b')).toThrow(InvalidCommand);
    expect(new DomainRuleViolation('one-chair-at-a-time', 'two chairs')).toMatchObject({
      rule: 'one-chair-at-a-time',
      message: 'two chairs',
    });
    expect(new NotFoundInDomain('housing report', 'r1').message).toBe(
      'housing report r1 is not known',
    );
  });
});
