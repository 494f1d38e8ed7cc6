import { ValidateIf } from 'class-validator';

/**
 * The field may be left out, but when present it is validated, and `null` is not a value.
 * (class-validator's @IsOptional lets `null` through, which would reach a NOT NULL column.)
 */
export const Omittable = () => ValidateIf((_object: unknown, value: unknown) => value !== undefined);
