import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { Server, ServerOptions } from 'socket.io';

import type { HearthConfig } from '@hearth/core';

/** Chat frames are small and many: no per-message compression, and nothing over 64 KiB is accepted. */
export const MAX_FRAME_BYTES = 64 * 1024;

export class ChatIoAdapter extends IoAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly config: HearthConfig,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    return super.createIOServer(port, {
      ...options,
      perMessageDeflate: false,
      httpCompression: false,
      maxHttpBufferSize: MAX_FRAME_BYTES,
      cors: { origin: this.config.http.corsOrigins, credentials: true },
      serveClient: false,
    } as ServerOptions);
  }
}
