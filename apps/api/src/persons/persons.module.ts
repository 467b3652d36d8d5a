import { Module } from '@nestjs/common';
import { PersonRegisterModule } from '@ledger/platform';
import { PersonsController } from './persons.controller';

/** POST /persons, GET /persons/:id over the person register (libs/platform/src/persons). */
@Module({
  imports: [PersonRegisterModule],
  controllers: [PersonsController],
})
export class PersonsModule {}
