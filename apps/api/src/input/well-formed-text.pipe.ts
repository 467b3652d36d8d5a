import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { validationFailed } from '../http-errors/field-problems';
import { textProblemsIn } from './well-formed-text';

/**
 * A global pipe, before the ValidationPipe: every decoded body, query and path parameter of every
 * route is refused (400 naming each field) when a text in it holds NUL or a lone surrogate. One
 * check for every field, so a new DTO field cannot forget it. Custom parameters (the actor, an
 * uploaded file) are the server's own or binary, and pass untouched.
 */
@Injectable()
export class WellFormedTextPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const problems = textProblemsIn(value, metadata.data ?? '');
    if (problems.length > 0) throw validationFailed(problems);
    return value;
  }
}
