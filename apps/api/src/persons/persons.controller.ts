import {
  Body,
  ConflictException,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  NotFoundException,
  Param,
  Post,
  Req,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiErrors } from '../openapi/api-errors';
import { PersonAlreadyRegistered, PersonRegister, type PersonView } from '@ledger/platform';
import { READERS, Roles } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { IdParam } from '../commands/shared/id-param.pipe';
import { plain } from '@ledger/application';
import { PersonRegisteredBody, RegisterPersonDto, PersonViewBody } from './persons.dto';

/**
 * The person register: names and contact details behind the person ids that governance
 * commands use. Not events: `cli persons forget <id>` erases them for a data-protection request.
 */
@ApiTags('persons')
@Controller('persons')
export class PersonsController {
  constructor(private readonly persons: PersonRegister) {}

  @Post()
  @Roles('secretariat')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: 'Register a named person; the answer is the id to use in governance commands',
  })
  @ApiBody({
    type: RegisterPersonDto,
    examples: {
      example: {
        value: {
          personId: 'person-0001',
          name: 'Agi Csonka',
          contact: { email: 'agi@example.dk' },
        },
      },
    },
  })
  @ApiCreatedResponse({ type: PersonRegisteredBody })
  @ApiConflictResponse({ description: 'The id is registered already (or was erased).' })
  @ApiErrors([400, 413, 415])
  async register(@Body() body: RegisterPersonDto): Promise<PersonRegisteredBody> {
    try {
      const { personId, name, contact } = plain(body) as RegisterPersonDto;
      return { personId: await this.persons.register({ personId, name, contact }) };
    } catch (error) {
      if (error instanceof PersonAlreadyRegistered) {
        throw new ConflictException({
          statusCode: 409,
          error: 'Conflict',
          message: error.message,
          personId: error.personId,
          retryable: false,
        });
      }
      throw error;
    }
  }

  @Get(':personId')
  @Roles(...READERS)
  @ApiOperation({
    summary:
      "A person's name (contact details for the secretariat only); once erased only a label such as 'a former board member'",
  })
  @ApiOkResponse({
    type: PersonViewBody,
    description: '{personId, name} or {personId, erased: true, label}',
  })
  @ApiNotFoundResponse({ description: 'The id was never registered.' })
  async one(
    @Param('personId', IdParam) personId: string,
    @Req() request: { user: AuthenticatedUser },
  ): Promise<PersonView> {
    const person = await this.persons.get(personId, request.user.role === 'secretariat');
    if (!person) {
      throw new NotFoundException({
        statusCode: 404,
        error: 'Not Found',
        message: `person ${personId} is not registered`,
        what: 'person',
        id: personId,
      });
    }
    return person;
  }
}
