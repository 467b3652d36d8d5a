/**
 * Ends a `switch` that handles every member of a union (every event or command type of an
 * aggregate): `default: return assertNever(event)`. When a new member is added to the union,
 * `value` is no longer `never` there and the build fails at every switch that does not handle
 * it. At run time it is reached only by a value outside the union (a cast, or data from outside
 * the type system), which it refuses loudly instead of letting it pass as something else.
 */
export function assertNever(value: never): never {
  const type =
    typeof value === 'object' && value !== null && 'type' in value
      ? (value as { type: unknown }).type
      : value;
  throw new Error(`unhandled case: ${JSON.stringify(type)}`);
}
