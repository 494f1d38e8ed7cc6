import { createTestApp } from '../support/app.js';

describe('REDIS_URL that does not answer', () => {
  it('stops the start with a message naming the host (never the password), instead of hanging', async () => {
    const attempt = createTestApp({ env: { REDIS_URL: 'redis://:hunter2secret@127.0.0.1:1' } });
    await expect(attempt).rejects.toThrow(
      /^Redis at 127\.0\.0\.1:1 did not answer within 10 s \(REDIS_URL\)$/,
    );
  }, 20_000);
});
