import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Agent } from 'node:https';
import { DataSource } from 'typeorm';
import webPush, { WebPushError } from 'web-push';

import { Clock, OUTBOUND_AGENT, SECRETS, Transactions, type HearthConfig, type Secrets } from '@hearth/core';

import { DeliveryChannel, type DeliveryOutcome } from '../outbox/delivery-channel.js';
import type { Notice } from '../outbox/notice.js';
import type { OutboxItem } from '../outbox/outbox-item.entity.js';
import { PushSubscription } from './push-subscription.entity.js';

/** How long a push service keeps a notification for a device that is offline, in seconds. */
const TIME_TO_LIVE = { crisis: 6 * 3600, other: 24 * 3600 };

/**
 * Web Push (RFC 8030) with VAPID (RFC 8292): the notice is encrypted for the browser (RFC 8291), so the push
 * service sees only ciphertext. A push service that answers 404 or 410 has forgotten the browser: its
 * subscription is deleted.
 */
@Injectable()
export class WebPushChannel extends DeliveryChannel {
  readonly channel = 'push' as const;
  readonly available = true;
  private readonly vapid: { subject: string; publicKey: string; privateKey: string };

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    config: ConfigService<HearthConfig, true>,
    @Inject(SECRETS) secrets: Secrets,
    @Inject(OUTBOUND_AGENT) private readonly agent: Agent | null,
  ) {
    super();
    this.vapid = { subject: config.get('push', { infer: true }).vapidSubject, ...secrets.vapid };
  }

  async deliver(item: OutboxItem, notice: Notice): Promise<DeliveryOutcome> {
    const subscription = item.subscriptionId
      ? await this.dataSource.manager.findOneBy(PushSubscription, { id: item.subscriptionId })
      : null;
    if (!subscription) return { ok: false, permanent: true, gone: true, error: 'device unsubscribed' };
    const crisis = notice.kind.startsWith('crisis');
    try {
      await webPush.sendNotification(
        { endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } },
        JSON.stringify(notice),
        {
          vapidDetails: this.vapid,
          TTL: crisis ? TIME_TO_LIVE.crisis : TIME_TO_LIVE.other,
          urgency: crisis ? 'high' : 'normal',
          // A later notice with the same topic replaces one the push service still holds (a repeat, say).
          topic: topicOf(notice.tag),
          timeout: 20_000,
          ...(this.agent ? { agent: this.agent } : {}),
        },
      );
    } catch (error) {
      if (!(error instanceof WebPushError)) return { ok: false, permanent: false, error: messageOf(error) };
      const status = error.statusCode;
      if (status === 404 || status === 410) {
        await this.transactions.run((m) => m.delete(PushSubscription, { id: subscription.id }));
        return { ok: false, permanent: true, gone: true, error: `push service answered ${status}` };
      }
      const permanent = status >= 400 && status < 500 && status !== 408 && status !== 429;
      return { ok: false, permanent, error: `push service answered ${status}` };
    }
    await this.transactions.run((m) =>
      m.update(PushSubscription, { id: subscription.id }, { lastSuccessAt: this.clock.now() }),
    );
    return { ok: true };
  }
}

/** The Topic header allows 32 base64url characters: the tag's letters and digits (an incident's uuid in hex). */
function topicOf(tag: string): string {
  return tag.replace(/[^A-Za-z0-9]/g, '').slice(-32);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
