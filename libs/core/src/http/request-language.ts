import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';

/** The languages Hearth writes in. */
export const SPOKEN_LANGUAGES = ['en', 'es'] as const;
export type SpokenLanguage = (typeof SPOKEN_LANGUAGES)[number];

/**
 * The language an `Accept-Language` header asks for, among those Hearth speaks: the highest-weighted one, by its
 * base (`es-MX` is `es`), else English. The web client sends the language it is speaking to the person, which is
 * her choice in the account when she made one, else her browser's.
 */
export function spokenLanguage(header: string | undefined): SpokenLanguage {
  const ranges = (header ?? '')
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { base: tag.trim().toLowerCase().split('-')[0], weight: q === undefined ? 1 : Number(q), index };
    })
    .filter((range) => range.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  const spoken = ranges.find((range) => (SPOKEN_LANGUAGES as readonly string[]).includes(range.base));
  return (spoken?.base as SpokenLanguage | undefined) ?? 'en';
}

/** The request's language (see `spokenLanguage`), for what the server writes for the person. */
export const RequestLanguage = createParamDecorator((_: unknown, context: ExecutionContext): SpokenLanguage =>
  spokenLanguage(
    context.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>().headers[
      'accept-language'
    ],
  ),
);

/** Documents the header on a route that writes in the person's language. */
export const AcceptsLanguage = () =>
  ApiHeader({
    name: 'Accept-Language',
    required: false,
    description: 'The language of the text written for the person (en or es; English otherwise)',
  });
