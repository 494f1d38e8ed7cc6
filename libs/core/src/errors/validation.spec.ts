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

  it('refuses a body that is not an object, with details', async () => {
    await expect(pipe.transform([1, 2], { type: 'body', metatype: Named })).rejects.toBeInstanceOf(
      ValidationFailedException,
    );
  });
});
