import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { validationFailed } from '../../http-errors/field-problems';
import { ID_MESSAGE, ID_PATTERN } from '@ledger/application';

/** Ids in the path name streams, so they obey the same format as ids in bodies (a 400 if not). */
@Injectable()
export class IdParam implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (typeof value !== 'string' || !ID_PATTERN.test(value)) {
      throw validationFailed([
        { field: metadata.data ?? 'id', rule: 'id-format', message: ID_MESSAGE },
      ]);
    }
    return value;
  }
}
