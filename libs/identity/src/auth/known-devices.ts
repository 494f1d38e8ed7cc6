import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';

import { deriveKey, SECRETS, type HearthConfig, type Secrets } from '@hearth/core';

import { UsersService } from '../users/users.service.js';

export const KNOWN_DEVICE_COOKIE = 'hearth_device';
/** How many accounts one browser remembers (a shared family computer). */
const MAX_ACCOUNTS = 5;
const MAX_AGE_SECONDS = 180 * 86_400;

interface Entry {
  userId: string;
  deviceId: string;
}

/**
 * Browsers that have signed in to an account before. The sign-in lock is keyed by the address, so anyone can
 * lock a known person out by guessing wrong; a browser the owner signed in from before carries a signed,
 * HttpOnly cookie naming the account, and its sign-ins are counted against that browser instead of the address.
 * A stolen cookie gives nothing without the password, and the browser has its own back-off.
 */
@Injectable()
export class KnownDevices {
  private readonly key: Buffer;

  constructor(
    @Inject(SECRETS) secrets: Secrets,
    private readonly users: UsersService,
    private readonly config: ConfigService<HearthConfig, true>,
  ) {
    this.key = deriveKey(Buffer.from(secrets.jwtSecret, 'utf8'), 'hearth:known-device');
  }

  /** This browser's id for the account that has this email, when it signed in to it before; else null. */
  async deviceFor(cookieHeader: string | undefined, email: string): Promise<string | null> {
    for (const entry of this.entries(cookieHeader)) {
      const user = (await this.users.findMany([entry.userId])).get(entry.userId);
      if (user && user.email === email) return entry.deviceId;
    }
    return null;
  }

  /** The Set-Cookie value that remembers this browser for the account (kept first, at most five accounts). */
  remember(cookieHeader: string | undefined, userId: string): string {
    const entries = this.entries(cookieHeader);
    const deviceId = entries.find((entry) => entry.userId === userId)?.deviceId ?? randomUUID();
    const kept = [{ userId, deviceId }, ...entries.filter((entry) => entry.userId !== userId)].slice(
      0,
      MAX_ACCOUNTS,
    );
    const value = kept.map((entry) => this.sign(entry)).join('~');
    const secure = new URL(this.config.get('publicUrl', { infer: true })).protocol === 'https:';
    return [
      `${KNOWN_DEVICE_COOKIE}=${value}`,
      'Path=/api/auth',
      `Max-Age=${MAX_AGE_SECONDS}`,
      'HttpOnly',
      'SameSite=Strict',
      ...(secure ? ['Secure'] : []),
    ].join('; ');
  }

  private entries(cookieHeader: string | undefined): Entry[] {
    const raw = (cookieHeader ?? '')
      .split(';')
      .map((part) => part.trim())
      .find((part) => part.startsWith(`${KNOWN_DEVICE_COOKIE}=`))
      ?.slice(KNOWN_DEVICE_COOKIE.length + 1);
    if (!raw || raw.length > 2048) return [];
    return raw
      .split('~')
      .slice(0, MAX_ACCOUNTS)
      .flatMap((token) => {
        const entry = this.verify(token);
        return entry ? [entry] : [];
      });
  }

  private sign(entry: Entry): string {
    const body = `${entry.userId}.${entry.deviceId}`;
    return `${body}.${this.mac(body)}`;
  }

  private verify(token: string): Entry | null {
    const [userId, deviceId, mac, extra] = token.split('.');
    if (!userId || !deviceId || !mac || extra !== undefined) return null;
    const expected = Buffer.from(this.mac(`${userId}.${deviceId}`), 'utf8');
    const given = Buffer.from(mac, 'utf8');
    return expected.length === given.length && timingSafeEqual(expected, given) ? { userId, deviceId } : null;
  }

  private mac(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}
