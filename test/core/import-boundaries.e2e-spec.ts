import { fileURLToPath } from 'node:url';

import { beforeAll, describe, expect, it } from '@jest/globals';
import { ESLint } from 'eslint';

// The lint configuration encodes who may import whom (CONVENTIONS.md). These cases plant each kind of wrong
// arrow in a file that does not exist and check that the linter names it, with the reason.
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

describe('Import boundaries - eslint.config.js', () => {
  let eslint: ESLint;

  beforeAll(() => {
    eslint = new ESLint({ cwd: repoRoot });
  });

  async function boundaryErrors(filePath: string, source: string): Promise<string[]> {
    const code = `import { thing } from '${source}';\nexport { thing };\n`;
    const [result] = await eslint.lintText(code, { filePath });
    return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
  }

  describe('refuses a wrong arrow, and says why', () => {
    it.each([
      [
        'groups imports chat',
        'libs/groups/src/memberships/x.ts',
        '@hearth/chat',
        'groups never imports chat: emit a domain event instead',
      ],
      [
        'groups imports journal',
        'libs/groups/src/x.ts',
        '@hearth/journal',
        'groups never imports journal: emit a domain event instead',
      ],
      [
        'chat imports moderation',
        'libs/chat/src/gateway/x.ts',
        '@hearth/moderation',
        'chat never imports moderation: chat owns the interface',
      ],
      [
        'journal imports moderation',
        'libs/journal/src/entries/x.ts',
        '@hearth/moderation',
        'journal never imports moderation: they are siblings',
      ],
      [
        'moderation imports journal',
        'libs/moderation/src/x.ts',
        '@hearth/journal',
        'moderation never imports journal: they are siblings',
      ],
      [
        'identity imports groups',
        'libs/identity/src/auth/x.ts',
        '@hearth/groups',
        'identity never imports groups: groups depends on identity',
      ],
      ['core imports identity', 'libs/core/src/x.ts', '@hearth/identity', 'core knows no domain'],
      [
        'contracts imports core',
        'libs/contracts/src/x.ts',
        '@hearth/core',
        'contracts imports nothing of the project',
      ],
      [
        'a library imports notifications',
        'libs/moderation/src/x.ts',
        '@hearth/notifications',
        'nobody imports notifications but apps/api',
      ],
      [
        'notifications imports journal',
        'libs/notifications/src/x.ts',
        '@hearth/journal',
        'notifications never imports journal',
      ],
      [
        'a library imports itself through its index',
        'libs/chat/src/rooms/x.ts',
        '@hearth/chat',
        'chat imports its own files relatively',
      ],
      [
        'a library imports another one by a deep path',
        'libs/moderation/src/x.ts',
        '@hearth/chat/src/x.js',
        'import a library only through its index',
      ],
      [
        'an app imports a library by a deep path',
        'apps/api/src/x.ts',
        '@hearth/groups/src/groups.module.js',
        'import a library only through its index',
      ],
      [
        'a relative import leaves the library for another one',
        'libs/chat/src/gateway/x.ts',
        '../../../groups/src/index.js',
        'a relative import never leaves libs/chat',
      ],
      [
        'a relative import leaves the library from its top folder',
        'libs/groups/src/x.ts',
        '../../chat/src/index.js',
        'a relative import never leaves libs/groups',
      ],
      [
        'a relative import hides its climb behind x/..',
        'libs/chat/src/x.ts',
        './gateway/../../../groups/src/index.js',
        "write relative paths without 'x/..'",
      ],
      [
        'a library imports an app',
        'libs/chat/src/gateway/x.ts',
        '../../../../apps/api/src/app.module.js',
        'no library imports apps/, test/ or bench/',
      ],
      [
        'a library imports test support',
        'libs/identity/src/x.ts',
        '../../../test/support/users.js',
        'no library imports apps/, test/ or bench/',
      ],
      [
        'the web client imports core',
        'apps/web/src/features/x.tsx',
        '@hearth/core',
        'apps/web imports only @hearth/contracts from the libraries',
      ],
      [
        'the web client imports a library by a relative path',
        'apps/web/src/api/x.ts',
        '../../../../libs/contracts/src/index.js',
        'apps/web imports nothing out of apps/web by a relative path',
      ],
      [
        'the api imports a library by a relative path',
        'apps/api/src/x.ts',
        '../../../libs/chat/src/index.js',
        'apps/api imports libraries by alias',
      ],
      ['bench imports chat', 'bench/support/x.ts', '@hearth/chat', 'bench imports only @hearth/contracts'],
      [
        'bench imports a library by a relative path',
        'bench/x.ts',
        '../libs/core/src/index.js',
        'bench reaches only test/support/',
      ],
      [
        'a test imports a library by a relative path',
        'test/chat/x.e2e-spec.ts',
        '../../libs/chat/src/index.js',
        'tests import libraries by alias',
      ],
    ])('%s', async (_case, filePath, source, why) => {
      const errors = await boundaryErrors(filePath, source);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toContain(`'${source}'`);
      expect(errors[0]).toContain(why);
    });

    it('refuses a type-only import too', async () => {
      const [result] = await eslint.lintText(
        "import type { Thing } from '@hearth/moderation';\nexport type { Thing };\n",
        {
          filePath: 'libs/chat/src/x.ts',
        },
      );
      expect(result.messages.map((m) => m.message)).toEqual([
        expect.stringContaining('chat never imports moderation'),
      ]);
    });

    it('refuses a re-export', async () => {
      const [result] = await eslint.lintText("export * from '@hearth/chat';\n", {
        filePath: 'libs/groups/src/x.ts',
      });
      expect(result.messages.map((m) => m.message)).toEqual([
        expect.stringContaining('groups never imports chat'),
      ]);
    });
  });

  describe('lets the right arrows through', () => {
    it.each([
      ['chat imports groups', 'libs/chat/src/gateway/x.ts', '@hearth/groups'],
      ['moderation imports chat', 'libs/moderation/src/steps/x.ts', '@hearth/chat'],
      ['journal imports chat', 'libs/journal/src/sharing/x.ts', '@hearth/chat'],
      ['groups imports identity', 'libs/groups/src/x.ts', '@hearth/identity'],
      ['core imports contracts', 'libs/core/src/x.ts', '@hearth/contracts'],
      ['notifications imports moderation', 'libs/notifications/src/x.ts', '@hearth/moderation'],
      [
        'a relative import inside one library',
        'libs/chat/src/gateway/x.ts',
        '../messages/messages.service.js',
      ],
      ['a relative import up to the library root', 'libs/chat/src/gateway/x.ts', '../../src/index.js'],
      ['a relative import beside the file', 'libs/contracts/src/x.ts', './errors.js'],
      ['the api imports journal', 'apps/api/src/x.ts', '@hearth/journal'],
      ['the api imports notifications', 'apps/api/src/x.ts', '@hearth/notifications'],
      ['the web client imports contracts', 'apps/web/src/chat/x.ts', '@hearth/contracts'],
      [
        'the web client imports its own files',
        'apps/web/src/features/journal/x.tsx',
        '../../ui/components.js',
      ],
      ['bench imports test support', 'bench/support/x.ts', '../../test/support/node-process.js'],
      ['bench imports contracts', 'bench/load/x.ts', '@hearth/contracts'],
      ['test support imports the app', 'test/support/x.ts', '../../apps/api/src/app.module.js'],
      ['a test imports a library', 'test/moderation/x.e2e-spec.ts', '@hearth/moderation'],
      ['a package', 'libs/groups/src/x.ts', '@nestjs/common'],
    ])('%s', async (_case, filePath, source) => {
      expect(await boundaryErrors(filePath, source)).toEqual([]);
    });
  });
});
