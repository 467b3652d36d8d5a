import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsEmail,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { Id, Text } from '@ledger/application';

export class PersonContactDto {
  @ApiPropertyOptional({ example: 'agi@example.dk', maxLength: 200 })
  @IsOptional()
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(200)
  email?: string;

  @ApiPropertyOptional({ example: '+45 12 34 56 78', maxLength: 40 })
  @IsOptional()
  @IsString()
  @Matches(/^\+?[0-9 ()-]{3,40}$/, { message: 'must be a telephone number' })
  phone?: string;

  @ApiPropertyOptional({ example: 'Vesterbrogade 1, 1620 København V', maxLength: 300 })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string;
}

export class RegisterPersonDto {
  @Id({
    optional: true,
    description:
      'The id governance commands will use (personId, representativePersonId); made up when absent.',
    example: 'person-0001',
  })
  personId?: string;

  @Text(200, { example: 'Agi Csonka', description: "The person's name; erasable." })
  name: string;

  @ApiPropertyOptional({ type: PersonContactDto })
  @IsOptional()
  @IsObject({ message: 'must be an object' })
  @ValidateNested()
  @Type(() => PersonContactDto)
  contact?: PersonContactDto;
}

export class PersonRegisteredBody {
  @ApiProperty({ example: 'person-0001' })
  personId: string;
}

/** GET /persons/:id: the name (contact details for the secretariat), or only a label once erased. */
export class PersonViewBody {
  @ApiProperty({ example: 'person-0001' })
  personId: string;
  @ApiPropertyOptional({ example: 'Agi Csonka', description: 'Absent once erased.' })
  name?: string;
  @ApiPropertyOptional({
    type: () => PersonContactDto,
    nullable: true,
    description: 'For the secretariat only.',
  })
  contact?: PersonContactDto | null;
  @ApiPropertyOptional({ example: true, description: 'Set once the name was erased.' })
  erased?: boolean;
  @ApiPropertyOptional({ example: 'a former board member', description: 'Set once erased.' })
  label?: string;
}
