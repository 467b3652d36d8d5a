import { Module } from '@nestjs/common';
import { PersonRegister } from './person-register';

/** The person register, for the API (POST/GET /persons, names in governance) and the CLI. */
@Module({
  providers: [PersonRegister],
  exports: [PersonRegister],
})
export class PersonRegisterModule {}
