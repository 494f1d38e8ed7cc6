import { ApiProperty } from '@nestjs/swagger';

export class CalendarTokenView {
  @ApiProperty({ description: 'The secret token: shown only now; issuing a new one revokes the old' })
  token!: string;

  @ApiProperty({ example: '/api/me/calendar.ics?token=…' })
  path!: string;
}
