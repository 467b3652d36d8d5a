import { INestApplication, RequestMethod, Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer, Reflector } from '@nestjs/core';
// class-transformer's `@Type` records (declared in class-transformer-storage.d.ts).
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { getMetadataStorage } from 'class-validator';
import { PUBLIC_KEY, ROLES_KEY } from '../../apps/api/src/auth/access.decorators';

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
 * (the way test/auth/route-roles.e2e-spec.ts lists routes), so a new route or field is covered
 * without anyone adding it to a list.
 */
export function routeInputsOf(app: INestApplication): RouteInputs[] {
  const reflector = app.get(Reflector);
  const routes: RouteInputs[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type<unknown> | null;
      if (!controller) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        const own = String(Reflect.getMetadata(PATH_METADATA, handler) ?? '');
        const path = `/${[base, own].filter((p) => p && p !== '/').join('/')}`.replace(/\/+/g, '/');
        const targets = [handler as () => unknown, controller];
        const args = argumentsOf(controller, name);
        routes.push({
          method: RequestMethod[method],
          path,
          roles: reflector.getAllAndOverride<string[] | undefined>(ROLES_KEY, targets) ?? [],
          isPublic: reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) === true,
          pathParams: [...path.matchAll(/:(\w+)/g)].map((m) => m[1]),
          queryParams: args.query.flatMap((dto) => propertiesOf(dto)),
          bodyFields: args.body.flatMap((dto) => fieldsOf(dto, [])),
        });
      }
    }
  }
  return routes;
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
