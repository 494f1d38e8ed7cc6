import { createRequire } from 'node:module';

import { TransformationType } from 'class-transformer';
import type { MetadataStorage as TransformerStorage } from 'class-transformer/types/MetadataStorage.js';
import { getMetadataStorage, ValidationTypes, type ValidationArguments } from 'class-validator';

/**
 * class-transformer's own record of @Type, @Transform, @Expose and @Exclude: the instance its decorators and
 * Nest's validation pipe use (the package's CommonJS build, which is what importing it loads). It is not among
 * the package's exports, so it is loaded by path.
 */
const { defaultMetadataStorage } = createRequire(import.meta.url)('class-transformer/cjs/storage.js') as {
  defaultMetadataStorage: TransformerStorage;
};

/** A DTO class: what a route or socket event declares its payload to be. */
type PayloadClass = new () => object;

/** Whether a plain payload passes every rule of its class, judged without building any error. */
type Acceptor = (payload: Record<string, unknown>, instance: object) => boolean;

const acceptors = new WeakMap<PayloadClass, Acceptor | null>();

/**
 * The payload as an instance of its class, when it certainly passes every rule: or null, and the validation pipe
 * runs as it always does (class-transformer, then class-validator, and the errors they find).
 *
 * Every chat message passes through the validation pipe, and for a three-field payload class-transformer and
 * class-validator allocated some 16 KB and took 7 to 8 µs: among the costliest things a message does (issue 19,
 * docs/PERFORMANCE.md). They build a ValidationError for every property of every payload, valid or not, and then
 * throw the empty ones away. This asks the same rules, the same constraint objects with the same arguments, and
 * stops at the first that fails: it only ever answers "certainly valid", never what is wrong.
 *
 * It serves only classes it can judge exactly as the pipe's options would (whitelist, forbidNonWhitelisted,
 * forbidUnknownValues, no groups): flat ones, whose rules are class-validator's custom and conditional ones, and
 * which class-transformer leaves as they are (no @Type, @Transform, @Expose or @Exclude). A payload it serves is a
 * plain object whose every key has rules and whose every value is a string, a number, a boolean, null or
 * undefined: for such a payload `Object.assign(new Class(), payload)` is what class-transformer builds. Anything
 * else (a nested value, an unknown key, a rule it does not know, an asynchronous constraint) goes the usual way.
 * `libs/chat/src/gateway/dto/chat.dto.spec.ts` checks, on 3,000 generated payloads for every socket payload
 * class, that the pipe answers as Nest's own ValidationPipe does, builds what it builds, and answers every valid
 * one quickly; `validation-fast-path.spec.ts` checks what it declines.
 */
export function acceptedQuickly(metatype: PayloadClass, payload: unknown): object | null {
  let accept = acceptors.get(metatype);
  if (accept === undefined) acceptors.set(metatype, (accept = acceptorOf(metatype)));
  if (!accept || !isFlatPlainObject(payload)) return null;
  const instance = Object.assign(new metatype(), payload);
  try {
    return accept(payload, instance) ? instance : null;
  } catch {
    // A rule that throws is the usual path's to answer (as a validation error, never a crash).
    return null;
  }
}

function isFlatPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  // An object literal's prototype (of whichever realm parsed it), nothing more derived.
  const prototype = Object.getPrototypeOf(value) as object | null;
  if (prototype === null || Object.getPrototypeOf(prototype) !== null) return false;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) return false;
    const field = (value as Record<string, unknown>)[key];
    const type = typeof field;
    if (
      field !== null &&
      type !== 'string' &&
      type !== 'number' &&
      type !== 'boolean' &&
      type !== 'undefined'
    )
      return false;
  }
  return true;
}

/** The acceptor of a class, or null when the class has something it cannot judge exactly. */
function acceptorOf(metatype: PayloadClass): Acceptor | null {
  const storage = getMetadataStorage();
  // The lookup class-validator's executor makes with the pipe's options (no groups, `always` off, not strict).
  const rules = storage.getTargetValidationMetadatas(metatype, undefined as unknown as string, false, false);
  if (rules.length === 0) return null;
  const byProperty = storage.groupByPropertyName(rules);
  if (!transformsNothing(metatype, Object.keys(byProperty))) return null;
  const properties: {
    name: string;
    conditions: ((object: object, value: unknown) => boolean)[];
    checks: Check[];
  }[] = [];
  for (const [name, metadatas] of Object.entries(byProperty)) {
    const conditions: ((object: object, value: unknown) => boolean)[] = [];
    const defined: Check[] = [];
    const custom: Check[] = [];
    for (const metadata of metadatas) {
      if (metadata.type === ValidationTypes.WHITELIST) continue;
      if (metadata.type === ValidationTypes.CONDITIONAL_VALIDATION) {
        conditions.push(metadata.constraints[0] as (object: object, value: unknown) => boolean);
        continue;
      }
      if (metadata.type !== ValidationTypes.CUSTOM_VALIDATION && metadata.type !== ValidationTypes.IS_DEFINED)
        return null;
      if (metadata.each) return null;
      for (const constraint of storage.getTargetValidatorConstraints(metadata.constraintCls)) {
        if (constraint.async) return null;
        const check: Check = { metadata, validate: constraint.instance.validate.bind(constraint.instance) };
        (metadata.type === ValidationTypes.IS_DEFINED ? defined : custom).push(check);
      }
    }
    // The executor runs a property's isDefined rules before its others.
    properties.push({ name, conditions, checks: [...defined, ...custom] });
  }
  const known = new Set(Object.keys(byProperty));
  return (payload, instance) => {
    for (const key in payload) if (!known.has(key)) return false;
    for (const { name, conditions, checks } of properties) {
      const value = (instance as Record<string, unknown>)[name];
      if (!conditions.every((condition) => condition(instance, value))) continue;
      for (const { metadata, validate } of checks) {
        if (metadata.validateIf && !metadata.validateIf(instance, value)) continue;
        const args: ValidationArguments = {
          targetName: metatype.name,
          property: name,
          object: instance,
          value,
          constraints: metadata.constraints,
        };
        if (validate(value, args) !== true) return false;
      }
    }
    return true;
  };
}

interface Check {
  metadata: ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[number];
  validate: (value: unknown, args: ValidationArguments) => unknown;
}

/** Whether class-transformer would copy a plain object's fields onto the class as they are. */
function transformsNothing(metatype: PayloadClass, names: string[]): boolean {
  const storage = defaultMetadataStorage;
  if (storage.getExposedMetadatas(metatype).length > 0 || storage.getExcludedMetadatas(metatype).length > 0)
    return false;
  // Any @Transform at all, whichever way it applies.
  const ways = [
    TransformationType.PLAIN_TO_CLASS,
    TransformationType.CLASS_TO_PLAIN,
    TransformationType.CLASS_TO_CLASS,
  ];
  return names.every(
    (name) =>
      !storage.findTypeMetadata(metatype, name) &&
      ways.every((way) => storage.findTransformMetadatas(metatype, name, way).length === 0),
  );
}
