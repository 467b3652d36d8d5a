import { isUtf8 } from 'node:buffer';
import type { IncomingMessage } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { type FieldProblem, validationFailed } from '../http-errors/field-problems';
import { WELL_FORMED_TEXT } from './well-formed-text';

/**
 * Bytes that are not UTF-8 never reach a command or a query: the JSON parser and Node's query
 * parser would both turn them into U+FFFD without a word, and the record would then hold text
 * the client never sent. They are refused with a 400 that names the field, as every other 400.
 */

const NOT_UTF8 = 'must be valid UTF-8';

/**
 * body-parser's `verify` hook for JSON bodies: runs on the raw bytes before they are decoded.
 * The answer names the fields whose text held the bytes, found by decoding the body leniently
 * (each bad sequence becomes U+FFFD); the whole `body` if that cannot tell.
 */
export function refuseBodyNotUtf8(
  _request: IncomingMessage,
  _response: unknown,
  raw: Buffer,
): void {
  if (isUtf8(raw)) return;
  throw validationFailed(fieldsHoldingReplacement(raw));
}

function fieldsHoldingReplacement(raw: Buffer): FieldProblem[] {
  const problem = (field: string): FieldProblem => ({
    field,
    rule: WELL_FORMED_TEXT,
    message: NOT_UTF8,
  });
  let decoded: unknown;
  try {
    decoded = JSON.parse(raw.toString('utf8'));
  } catch {
    return [problem('body')];
  }
  const fields: string[] = [];
  const walk = (value: unknown, path: string, depth: number): void => {
    if (typeof value === 'string') {
      if (value.includes('\ufffd')) fields.push(path || 'body');
      return;
    }
    if (value === null || typeof value !== 'object' || depth > 64) return;
    for (const [key, inner] of Object.entries(value)) {
      const at = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
      if (!Array.isArray(value) && key.includes('\ufffd')) fields.push(at);
      walk(inner, at, depth + 1);
    }
  };
  walk(decoded, '', 0);
  return (fields.length > 0 ? fields : ['body']).map(problem);
}

/**
 * Middleware: every name and value of the query string must be percent-encoded UTF-8 (`%FF`,
 * `%ED%A0%80` — a lone surrogate — or a stray `%` are refused), naming each parameter.
 */
export function refuseQueryNotUtf8(
  request: Request,
  _response: Response,
  next: NextFunction,
): void {
  const at = request.originalUrl.indexOf('?');
  if (at < 0) {
    next();
    return;
  }
  const problems: FieldProblem[] = [];
  for (const pair of request.originalUrl.slice(at + 1).split('&')) {
    if (pair === '') continue;
    const [name, value = ''] = splitOnce(pair);
    const decodedName = decode(name);
    if (decodedName === undefined || decode(value) === undefined) {
      problems.push({
        field: decodedName ?? name,
        rule: WELL_FORMED_TEXT,
        message: `${NOT_UTF8}, percent-encoded`,
      });
    }
  }
  next(problems.length > 0 ? validationFailed(problems) : undefined);
}

function splitOnce(pair: string): [string, string?] {
  const at = pair.indexOf('=');
  return at < 0 ? [pair] : [pair.slice(0, at), pair.slice(at + 1)];
}

function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}
