import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';

export class CalendarTokenQuery {
  @ApiProperty({ description: 'The secret token of my calendar feed' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{16,64}$/, { message: 'token is not a calendar token' })
  token!: string;
}
