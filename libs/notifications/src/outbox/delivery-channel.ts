import type { Notice } from './notice.js';
import type { OutboxChannel, OutboxItem } from './outbox-item.entity.js';

/**
 * The answer of a push service or mail server: accepted; refused for now (try again later); refused for good
 * (`permanent`); or the device or address is gone, and nothing should be sent to it again.
 */
export type DeliveryOutcome = { ok: true } | { ok: false; permanent: boolean; gone?: boolean; error: string };

/** One way out (Web Push, email). The worker calls it for each row it claimed of its channel. */
export abstract class DeliveryChannel {
  abstract readonly channel: OutboxChannel;
  /** Whether this deployment can send on it at all (email needs SMTP_URL). */
  abstract readonly available: boolean;
  abstract deliver(item: OutboxItem, notice: Notice): Promise<DeliveryOutcome>;
}
