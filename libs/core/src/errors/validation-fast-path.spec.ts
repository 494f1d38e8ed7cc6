import 'reflect-metadata';

import { IsInt, IsString, Min, registerDecorator } from 'class-validator';

import { Omittable } from './omittable.decorator.js';
import { Trim } from './trim.decorator.js';
import { acceptedQuickly } from './validation-fast-path.js';

class Flat {
  @IsString()
  name!: string;

  @Omittable()
  @IsInt()
  @Min(0)
  count?: number;
}

class Trimmed {
  @Trim()
  @IsString()
  name!: string;
}

class Checked {
  @((
    () => (object: object, propertyName: string) =>
      registerDecorator({
        target: object.constructor,
        propertyName,
        async: true,
        validator: { validate: () => Promise.resolve(true) },
      })
  )())
  name!: string;
}

class Unruled {
  name!: string;
}

describe('acceptedQuickly', () => {
  it('builds the class from a flat payload that passes every rule', () => {
    const accepted = acceptedQuickly(Flat, { name: 'Fern', count: 2 });
    expect(accepted).toBeInstanceOf(Flat);
    expect(accepted).toEqual(Object.assign(new Flat(), { name: 'Fern', count: 2 }));
    expect(acceptedQuickly(Flat, { name: 'Fern' })).toBeInstanceOf(Flat);
  });

  it('leaves every doubtful payload to the usual path', () => {
    expect(acceptedQuickly(Flat, { name: 'Fern', count: -1 })).toBeNull();
    expect(acceptedQuickly(Flat, { name: 'Fern', count: null })).toBeNull();
    expect(acceptedQuickly(Flat, { name: 'Fern', other: 1 })).toBeNull();
    expect(acceptedQuickly(Flat, { name: { first: 'Fern' } })).toBeNull();
    expect(acceptedQuickly(Flat, [{ name: 'Fern' }])).toBeNull();
    expect(
      acceptedQuickly(Flat, Object.assign(Object.create({ inherited: 1 }) as object, { name: 'F' })),
    ).toBeNull();
    expect(acceptedQuickly(Flat, 'Fern')).toBeNull();
    expect(acceptedQuickly(Flat, null)).toBeNull();
  });

  it('never serves a class it cannot judge exactly', () => {
    // class-transformer would change the value (trimmed) before it is validated.
    expect(acceptedQuickly(Trimmed, { name: 'Fern' })).toBeNull();
    // An asynchronous rule.
    expect(acceptedQuickly(Checked, { name: 'Fern' })).toBeNull();
    // No rules at all: the pipe refuses it as an unknown value.
    expect(acceptedQuickly(Unruled, { name: 'Fern' })).toBeNull();
  });
});
