import { supportsShardedPubSub } from './chat-io.adapter.js';

describe('supportsShardedPubSub', () => {
  it('is true from Redis 7 on, false before, and false when the version cannot be read', () => {
    expect(supportsShardedPubSub('# Server\r\nredis_version:7.0.15\r\nredis_mode:standalone')).toBe(true);
    expect(supportsShardedPubSub('redis_version:8.2.1')).toBe(true);
    expect(supportsShardedPubSub('redis_version:6.2.14')).toBe(false);
    expect(supportsShardedPubSub('')).toBe(false);
  });
});
