import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

/** The language crisis resources are wanted in (the built-in defaults exist in English and Spanish). */
export class ResourcesLanguageQuery {
  @ApiPropertyOptional({ enum: ['en', 'es'] })
  @IsOptional()
  @IsIn(['en', 'es'])
  language?: 'en' | 'es';
}
