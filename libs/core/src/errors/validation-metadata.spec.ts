import 'reflect-metadata';

import { getMetadataStorage, IsInt, IsString, MinLength, validate } from 'class-validator';

import { rememberValidationRules } from './validation-metadata.js';

class Base {
  @IsString()
  name!: string;
}

class Child extends Base {
  @IsInt()
  age!: number;
}

class Later {
  @IsInt()
  count!: number;
}

function build<T extends object>(type: new () => T, values: Partial<T>): T {
  return Object.assign(new type(), values);
}

const failedProperties = async (value: object) =>
  (await validate(value)).map((error) => error.property).sort();

describe('rememberValidationRules', () => {
  beforeAll(() => rememberValidationRules());

  it('finds a class’s own and inherited rules, however often it is asked', async () => {
    for (let round = 0; round < 3; round++) {
      expect(await failedProperties(build(Child, { name: 7 as never, age: 'x' as never }))).toEqual([
        'age',
        'name',
      ]);
      expect(await failedProperties(build(Child, { name: 'Ada', age: 3 }))).toEqual([]);
      expect(await failedProperties(build(Base, { name: 7 as never }))).toEqual(['name']);
    }
  });

  it('asks the storage once per class and set of options', () => {
    let asked = 0;
    const storage = {
      getTargetValidationMetadatas: () => {
        asked += 1;
        return [];
      },
      addValidationMetadata: () => undefined,
    } as unknown as ReturnType<typeof getMetadataStorage>;
    rememberValidationRules(storage);
    for (let i = 0; i < 5; i++) storage.getTargetValidationMetadatas(Child, '', false, false);
    expect(asked).toBe(1);
    storage.getTargetValidationMetadatas(Child, '', false, false, ['admin']);
    storage.getTargetValidationMetadatas(Base, '', false, false);
    expect(asked).toBe(3);
    // Made to remember twice, it still asks once.
    rememberValidationRules(storage);
    storage.getTargetValidationMetadatas(Base, '', false, false);
    expect(asked).toBe(3);
  });

  it('forgets what it remembered when a rule is registered after all', async () => {
    expect(await failedProperties(build(Later, { count: 1 }))).toEqual([]);
    MinLength(3)(Later.prototype, 'label');
    expect(await failedProperties(build(Later, { count: 1, label: 'ab' } as Partial<Later>))).toEqual([
      'label',
    ]);
  });
});
