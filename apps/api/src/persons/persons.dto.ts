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
import { Id, Text } from '../commands/shared/dto-fields';

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
