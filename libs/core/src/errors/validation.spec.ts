import 'reflect-metadata';

import { IsInt, registerDecorator } from 'class-validator';

import { createValidationPipe, ValidationFailedException } from './validation.js';

function Explodes() {
  return (object: object, propertyName: string) =>
    registerDecorator({
      target: object.constructor,
      propertyName,
      validator: {
        validate: () => {
          throw new TypeError('a validator bug');
        },
      },
    });
}

class Fragile {
  @Explodes()
  value!: number;
}

class Named {
  @IsInt()
  value!: number;
}

describe('createValidationPipe', () => {
  const pipe = createValidationPipe();

  it('answers a validator that throws with a validation error, never a crash', async () => {
    await expect(
      pipe.transform({ value: 5e-324 }, { type: 'body', metatype: Fragile }),
    ).rejects.toBeInstanceOf(ValidationFailedException);
  });

  it('lists unknown properties as field errors', async () => {
    await expect(
      pipe.transform({ value: 1, extra: 1 }, { type: 'body', metatype: Named }),
    ).rejects.toMatchObject({
      details: [{ field: 'extra', message: 'property extra should not exist' }],
    });
  });

  it('refuses a value nested more than 32 levels deep before class-transformer walks it', async () => {
    const nested = (depth: number): unknown => (depth === 0 ? 1 : { value: nested(depth - 1) });
    await expect(
      pipe.transform({ value: nested(5000) }, { type: 'body', metatype: Named }),
    ).rejects.toMatchObject({
      details: [{ field: '', message: 'The request is nested more than 32 levels deep' }],
    });
    await expect(pipe.transform(nested(32), { type: 'body', metatype: Named })).rejects.toMatchObject({
      details: [{ field: 'value', message: 'value must be an integer number', code: 'isInt' }],
    });
  });

  it('does not walk instances it is handed, such as a socket that refers to itself', async () => {
    class Connection {
      self = this;
    }
    const socket = new Connection();
    await expect(pipe.transform(socket, { type: 'custom' })).resolves.toBe(socket);
  });

  it('refuses a body that is not an object, with details', async () => {
    await expect(pipe.transform([1, 2], { type: 'body', metatype: Named })).rejects.toBeInstanceOf(
      ValidationFailedException,
    );
  });
});
