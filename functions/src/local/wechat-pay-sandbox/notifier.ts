import { wechatpaySignatureHeaders, type WechatpaySigner } from '../../adapters/wechat-pay/signing';

/** How the sandbox misbehaves when delivering notifications, to exercise the receiver's defences. */
export interface DeliverySwitches {
  /** Send each notification this many times (WeChat re-sends; receivers must be idempotent). */
  duplicates: number;
  /** Wait this long before sending. */
  delayMs: number;
  /** Hold notifications until `flushHeld()`, which sends them newest first. */
  reorder: boolean;
  /** Never send: the order is paid but the merchant hears nothing (reconciliation must notice). */
  drop: boolean;
  /** After a failed delivery (non-2xx or network), retry after each of these delays. */
  retryDelaysMs: number[];
}

export interface OutgoingNotification {
  url: string;
  eventId: string;
  eventType: string;
  outTradeNo: string;
  outRefundNo?: string;
  body: string;
}

export interface DeliveryRecord {
  eventId: string;
  eventType: string;
  outTradeNo: string;
  outRefundNo?: string;
  url: string;
  outcome: 'delivered' | 'failed' | 'dropped' | 'held';
  status?: number;
  error?: string;
}

/** Sends signed notifications to merchants' notify URLs and remembers what happened. */
export class Notifier {
  readonly records: DeliveryRecord[] = [];
  private readonly held: OutgoingNotification[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private readonly timers = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  private closed = false;

  constructor(
    /** Asked for each attempt, so a rotated certificate or the both-kinds turn applies to retries too. */
    private readonly signer: () => WechatpaySigner,
    private readonly now: () => Date,
    private readonly switches: () => DeliverySwitches,
  ) {}

  /** Applies the current switches to one notification; resolves once it is sent, held or dropped. */
  dispatch(notification: OutgoingNotification): Promise<void> {
    const s = this.switches();
    if (s.drop) {
      this.record(notification, { outcome: 'dropped' });
      return Promise.resolve();
    }
    if (s.reorder) {
      this.held.push(notification);
      this.record(notification, { outcome: 'held' });
      return Promise.resolve();
    }
    return this.track(this.sendCopies(notification, s));
  }

  /** Sends everything held, newest first, and resolves with how many were sent. */
  async flushHeld(): Promise<number> {
    const batch = this.held.splice(0).reverse();
    const s = this.switches();
    for (const n of batch) await this.track(this.sendCopies(n, s));
    return batch.length;
  }

  /** Runs `job` after `delayMs`, counted as in flight so `idle()` waits for it. */
  later(delayMs: number, job: () => Promise<void>): Promise<void> {
    return this.track(
      this.sleep(delayMs).then(async () => {
        if (!this.closed) await job();
      }),
    );
  }

  /** Resolves once no delivery is in flight (including delayed ones). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers) {
      clearTimeout(t.timer);
      t.resolve();
    }
    this.timers.clear();
  }

  private track(work: Promise<void>): Promise<void> {
    const tracked = work.finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
    return tracked;
  }

  private async sendCopies(n: OutgoingNotification, s: DeliverySwitches): Promise<void> {
    if (s.delayMs > 0) await this.sleep(s.delayMs);
    for (let copy = 0; copy < Math.max(1, s.duplicates); copy += 1)
      await this.sendWithRetries(n, s.retryDelaysMs);
  }

  private async sendWithRetries(n: OutgoingNotification, retryDelaysMs: number[]): Promise<void> {
    for (let attempt = 0; !this.closed; attempt += 1) {
      const ok = await this.sendOnce(n);
      const retryDelay = retryDelaysMs[attempt];
      if (ok || retryDelay === undefined) return;
      await this.sleep(retryDelay);
    }
  }

  private async sendOnce(n: OutgoingNotification): Promise<boolean> {
    if (this.closed) return false;
    try {
      const response = await fetch(n.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'Mozilla/4.0 (WeChat Pay sandbox)',
          ...wechatpaySignatureHeaders(n.body, this.signer(), this.now()),
        },
        body: n.body,
        signal: AbortSignal.timeout(5000),
      });
      await response.arrayBuffer();
      this.record(n, { outcome: response.ok ? 'delivered' : 'failed', status: response.status });
      return response.ok;
    } catch (error) {
      this.record(n, { outcome: 'failed', error: (error as Error).message });
      return false;
    }
  }

  private record(
    n: OutgoingNotification,
    result: Pick<DeliveryRecord, 'outcome' | 'status' | 'error'>,
  ): void {
    this.records.push({
      eventId: n.eventId,
      eventType: n.eventType,
      outTradeNo: n.outTradeNo,
      ...(n.outRefundNo ? { outRefundNo: n.outRefundNo } : {}),
      url: n.url,
      ...result,
    });
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const entry = {
        timer: setTimeout(() => {
          this.timers.delete(entry);
          resolve();
        }, ms),
        resolve,
      };
      this.timers.add(entry);
    });
  }
}
