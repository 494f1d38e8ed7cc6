/**
 * Property options the moderation and safety views share, for the OpenAPI document. The services build plain
 * objects of the contract's types; the view classes only describe them.
 */
export const uuid = { format: 'uuid' } as const;
export const nullableUuid = { format: 'uuid', nullable: true, type: String } as const;
export const nullableText = { nullable: true, type: String } as const;
export const nullableTime = { format: 'date-time', nullable: true, type: String } as const;
