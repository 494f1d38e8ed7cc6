import { ApiProperty } from '@nestjs/swagger';

import type { SafetyPlanContactDto, SafetyPlanDto, SafetyPlanProfessionalDto } from '@hearth/contracts';

export class SafetyPlanContactView implements SafetyPlanContactDto {
  @ApiProperty()
  name!: string;

  @ApiProperty({ nullable: true, type: String })
  phone!: string | null;
}

export class SafetyPlanProfessionalView implements SafetyPlanProfessionalDto {
  @ApiProperty()
  name!: string;

  @ApiProperty({ nullable: true, type: String })
  phone!: string | null;

  @ApiProperty({ nullable: true, type: String })
  url!: string | null;
}

export class SafetyPlanView implements SafetyPlanDto {
  @ApiProperty({ type: [String], description: '1. Warning signs' })
  warningSigns!: string[];

  @ApiProperty({ type: [String], description: '2. Things I can do on my own to feel calmer' })
  calmingActions!: string[];

  @ApiProperty({ type: [String], description: '3. People and places that take my mind off things' })
  distractions!: string[];

  @ApiProperty({ type: [SafetyPlanContactView], description: '4. People I can ask for help' })
  helpers!: SafetyPlanContactView[];

  @ApiProperty({ type: [SafetyPlanProfessionalView], description: '5. Professionals and crisis lines' })
  professionals!: SafetyPlanProfessionalView[];

  @ApiProperty({ type: [String], description: '6. Making my surroundings safer' })
  saferSurroundings!: string[];

  @ApiProperty({ nullable: true, type: String, description: 'Null while there is no plan' })
  updatedAt!: string | null;
}
