import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';

import type { HearthConfig } from '@hearth/core';

/** The WebAuthn relying party: Hearth's public host name, and the origins a ceremony may come from. */
@Injectable()
export class RelyingParty {
  readonly name = 'Hearth';
  readonly id: string;
  readonly origins: string[];

  constructor(config: ConfigService<HearthConfig, true>) {
    const publicUrl = new URL(config.get('publicUrl', { infer: true }));
    this.id = publicUrl.hostname;
    // The dev server and other CORS origins on the same host (another port) are the same site.
    const sameHost = config
      .get('http', { infer: true })
      .corsOrigins.filter((origin) => URL.canParse(origin) && new URL(origin).hostname === this.id);
    this.origins = [...new Set([publicUrl.origin, ...sameHost.map((origin) => new URL(origin).origin)])];
  }
}
