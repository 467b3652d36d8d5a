import { INestApplication, Type } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
// class-transformer's `@Type` records (declared in class-transformer-storage.d.ts).
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { getMetadataStorage } from 'class-validator';
import { appRoutes } from '../support/app-routes';

/** One step into a body: a field name, or 0 for the first entry of a list of objects. */
export type FieldPath = Array<string | 0>;

/** Everything a client can put into one route, read from the running app's metadata. */
export interface RouteInputs {
  method: string;
  /** As Express sees it: `/partners/:partnerId`. */
  path: string;
  roles: string[];
  isPublic: boolean;
  pathParams: string[];
  /** The properties of the route's `@Query()` DTO (what the ValidationPipe lets through). */
  queryParams: string[];
  /** Every field of the `@Body()` DTO, nested objects and lists of objects walked into. */
  bodyFields: FieldPath[];
}

/**
 * Every route of every controller with its inputs, from the decorators the app itself runs on
 * (test/support/app-routes.ts, as route-roles.e2e-spec.ts lists them), so a new route or field is covered
 * without anyone adding it to a list.
 */
export function routeInputsOf(app: INestApplication): RouteInputs[] {
  return appRoutes(app).map(({ controller, handler, method, path, roles, isPublic }) => {
    const args = argumentsOf(controller, handler);
    return {
      method,
      path,
      roles: roles ?? [],
      isPublic,
      pathParams: [...path.matchAll(/:(\w+)/g)].map((m) => m[1]),
      queryParams: args.query.flatMap((dto) => propertiesOf(dto)),
      bodyFields: args.body.flatMap((dto) => fieldsOf(dto, [])),
    };
  });
}

/** The DTO classes of a handler's `@Query()` and `@Body()` arguments. */
function argumentsOf(
  controller: Type<unknown>,
  handler: string,
): { query: Type<unknown>[]; body: Type<unknown>[] } {
  const declared = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, handler) ?? {}) as Record<
    string,
    { index: number; data?: unknown }
  >;
  const types = (Reflect.getMetadata('design:paramtypes', controller.prototype, handler) ??
    []) as Type<unknown>[];
  const query: Type<unknown>[] = [];
  const body: Type<unknown>[] = [];
  for (const [key, argument] of Object.entries(declared)) {
    const kind = Number(key.split(':')[0]);
    const type = types[argument.index];
    // A whole-object argument of a class the ValidationPipe checks; `@Query('x')` would be a field.
    if (argument.data !== undefined || !isDto(type)) continue;
    if (kind === RouteParamtypes.QUERY) query.push(type);
    if (kind === RouteParamtypes.BODY) body.push(type);
  }
  return { query, body };
}

function isDto(type: unknown): type is Type<unknown> {
  return (
    typeof type === 'function' &&
    !([Object, String, Number, Boolean, Array] as unknown[]).includes(type)
  );
}

/** The properties class-validator knows of a DTO, its parents' included. */
function propertiesOf(dto: Type<unknown>): string[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
  return [...new Set(metadata.map((m) => m.propertyName))];
}

/** Each field's path; a nested DTO (class-transformer's `@Type`) is walked into. */
function fieldsOf(dto: Type<unknown>, parent: FieldPath, depth = 0): FieldPath[] {
  const fields: FieldPath[] = [];
  for (const property of propertiesOf(dto)) {
    const path = [...parent, property];
    fields.push(path);
    const nested = defaultMetadataStorage.findTypeMetadata(dto, property)?.typeFunction() as
      Type<unknown> | undefined;
    if (depth < 3 && isDto(nested)) {
      const isList = getMetadataStorage()
        .getTargetValidationMetadatas(dto, '', true, false)
        .some((m) => m.propertyName === property && m.each === true);
      fields.push(...fieldsOf(nested, isList ? [...path, 0] : path, depth + 1));
    }
  }
  return fields;
}

/** `goal.homes`, `scores[0].body`: a path as a 400 names it. */
export function fieldName(path: FieldPath): string {
  return path.reduce<string>(
    (name, step) => (step === 0 ? `${name}[0]` : name ? `${name}.${step}` : step),
    '',
  );
}

/** A copy of `body` with the value at `path` replaced (objects and lists made as needed). */
export function withValue(body: unknown, path: FieldPath, value: unknown): unknown {
  const copy: unknown = structuredClone(body ?? {});
  let here = copy as Record<string | number, unknown>;
  path.forEach((step, i) => {
    if (i === path.length - 1) {
      here[step] = value;
      return;
    }
    const next = here[step];
    const wanted = path[i + 1] === 0 ? [] : {};
    if (next === null || typeof next !== 'object' || Array.isArray(next) !== Array.isArray(wanted))
      here[step] = path[i + 1] === 0 ? [{}] : {};
    if (path[i + 1] === 0 && (here[step] as unknown[]).length === 0)
      (here[step] as unknown[]).push({});
    here = here[step] as Record<string | number, unknown>;
  });
  return copy;
}
