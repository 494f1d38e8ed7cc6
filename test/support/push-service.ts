import {
  createDecipheriv,
  createECDH,
  createPublicKey,
  hkdfSync,
  randomBytes,
  verify,
  type ECDH,
} from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { Agent, createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import selfsigned from 'selfsigned';

import type { ApiTarget } from './app.js';
import type { TestUser } from './users.js';

/** A browser's side of a push subscription: the keys it would make, and the endpoint the service gave it. */
export interface TestDevice {
  endpoint: string;
  keys: { p256dh: string; auth: string };
  /** Every push the service accepted for this device, decrypted. */
  received: ReceivedPush[];
  /** Answer the next pushes with this status instead of 201 (404/410: the device is gone). */
  answer(status: number): void;
}

export interface ReceivedPush {
  payload: Record<string, unknown>;
  at: number;
  headers: { ttl: string; urgency?: string; topic?: string };
  /** The VAPID claims the sender signed (checked against the `k=` key of the Authorization header). */
  vapid: { aud: string; sub: string; exp: number; publicKey: string };
}

export interface TestPushService {
  /** Host and port, for PUSH_SERVICE_HOSTS. */
  host: string;
  /** An agent that trusts this service's self-signed certificate (CoreOptions.outboundAgent). */
  agent: Agent;
  /** The certificate as a file, for NODE_EXTRA_CA_CERTS of a server in its own process. */
  certFile: string;
  /** Requests that arrive from now on get no answer (a send in progress) until `release`; none is recorded. */
  hold(): void;
  /** Answers the held requests with a 500 and stops holding. */
  release(): void;
  /** How many requests arrived while holding. */
  held(): number;
  device(): TestDevice;
  /** Waits until a device has received at least `count` pushes. */
  until(device: TestDevice, count: number, timeoutMs?: number): Promise<ReceivedPush[]>;
  close(): Promise<void>;
}

/**
 * A push service over real HTTPS, as a browser vendor runs it (RFC 8030): it checks the VAPID signature
 * (RFC 8292) and decrypts each message with the device's private key (RFC 8291, aes128gcm), as the browser would.
 */
export async function startPushService(): Promise<TestPushService> {
  const pems = await selfsigned.generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
  });
  const devices = new Map<string, { device: TestDevice; ecdh: ECDH; auth: Buffer; status: number }>();
  const certFile = join(mkdtempSync(join(tmpdir(), 'hearth-push-')), 'push-service.pem');
  writeFileSync(certFile, pems.cert);
  let holding = false;
  const waiting: ServerResponse[] = [];
  const server: Server = createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (holding) {
        waiting.push(res);
        return;
      }
      const entry = devices.get(req.url ?? '');
      if (!entry) {
        res.writeHead(404).end();
        return;
      }
      if (entry.status !== 201) {
        res.writeHead(entry.status).end();
        return;
      }
      try {
        const vapid = checkVapid(String(req.headers.authorization ?? ''));
        const payload = decrypt(Buffer.concat(chunks), entry.ecdh, entry.auth);
        entry.device.received.push({
          payload: JSON.parse(payload.toString('utf8')) as Record<string, unknown>,
          at: Date.now(),
          headers: {
            ttl: String(req.headers.ttl),
            urgency: req.headers.urgency as string | undefined,
            topic: req.headers.topic as string | undefined,
          },
          vapid,
        });
        res.writeHead(201).end();
      } catch (error) {
        res.writeHead(400).end((error as Error).message);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const host = `127.0.0.1:${port}`;
  let counter = 0;
  return {
    host,
    agent: new Agent({ ca: pems.cert }),
    certFile,
    hold: () => {
      holding = true;
    },
    release: () => {
      holding = false;
      for (const res of waiting.splice(0)) if (!res.destroyed) res.writeHead(500).end();
    },
    held: () => waiting.length,
    device() {
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      const auth = randomBytes(16);
      const path = `/push/${++counter}-${randomBytes(8).toString('hex')}`;
      const entry = {
        ecdh,
        auth,
        status: 201,
        device: {
          endpoint: `https://${host}${path}`,
          keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') },
          received: [] as ReceivedPush[],
          answer: (status: number) => {
            entry.status = status;
          },
        },
      };
      devices.set(path, entry);
      return entry.device;
    },
    async until(device, count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (device.received.length < count) {
        if (Date.now() > deadline)
          throw new Error(`device got ${device.received.length} pushes, expected ${count}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return device.received;
    },
    close: () => {
      for (const res of waiting.splice(0)) res.destroy();
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** `vapid t=<jwt>, k=<public key>`: the JWT must be signed (ES256) by that key. */
function checkVapid(header: string): ReceivedPush['vapid'] {
  const match = /^vapid t=([^,]+),\s*k=(\S+)$/.exec(header);
  if (!match) throw new Error('no VAPID authorization');
  const [, token, k] = match;
  const [head, body, signature] = token.split('.');
  const point = Buffer.from(k, 'base64url');
  const key = createPublicKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: point.subarray(1, 33).toString('base64url'),
      y: point.subarray(33, 65).toString('base64url'),
    },
    format: 'jwk',
  });
  const valid = verify(
    'sha256',
    Buffer.from(`${head}.${body}`),
    { key, dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url'),
  );
  if (!valid) throw new Error('VAPID signature does not verify');
  const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as ReceivedPush['vapid'];
  return { ...claims, publicKey: k };
}

/** RFC 8291 with RFC 8188's aes128gcm, one record. */
function decrypt(body: Buffer, ecdh: ECDH, auth: Buffer): Buffer {
  const salt = body.subarray(0, 16);
  const idLength = body[20];
  const senderPublic = body.subarray(21, 21 + idLength);
  const ciphertext = body.subarray(21 + idLength);
  const shared = ecdh.computeSecret(senderPublic);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), ecdh.getPublicKey(), senderPublic]);
  const ikm = Buffer.from(hkdfSync('sha256', shared, auth, keyInfo, 32));
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const padded = Buffer.concat([
    decipher.update(ciphertext.subarray(0, ciphertext.length - 16)),
    decipher.final(),
  ]);
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (padded[end] !== 2) throw new Error('last record delimiter missing');
  return padded.subarray(0, end);
}

/** A new device of `user`, subscribed to Web Push through the API. */
export async function subscribeDevice(
  t: ApiTarget,
  push: TestPushService,
  user: TestUser,
  label?: string,
): Promise<TestDevice> {
  const device = push.device();
  await t
    .request()
    .post('/api/me/push-subscriptions')
    .set('Authorization', user.auth)
    .send({ endpoint: device.endpoint, keys: device.keys, ...(label ? { label } : {}) })
    .expect(201);
  return device;
}
