/**
 * Small per-chat state in a SQLite-backed Durable Object: one object per
 * conversation (`api:<issued id>`, `telegram:<chat id>`, `slack:<team>:…:<user>`…),
 * named with `idFromName`. It holds
 *
 * - the conversation memory (the last turns and when they were said), forgotten
 *   after `CONVERSATION_TTL_MINUTES` of inactivity;
 * - for the API, the fact that the server issued this conversation id (no
 *   personal data), kept {@link ISSUED_RETENTION_MS} after the last activity so
 *   an expired conversation restarts instead of being refused;
 * - for the messaging channels, the delivery ids already handled (platform
 *   retries must not produce a second reply), each for its channel's retry window.
 *
 * A Durable Object is strictly consistent and serialises the calls on one
 * conversation, and the Free plan allows 100,000 requests a day against KV's
 * 1,000 writes. An alarm deletes whatever has expired, so nothing outlives its
 * time. Storage operations per message are documented in docs/conversations.md.
 *
 * This is an adapter: it stores what the Worker gives it and runs no search.
 * @module
 */
import { DurableObject } from 'cloudflare:workers';
import type { Turn } from '../core/types.js';

/** How long an issued conversation id stays valid after its last use. */
export const ISSUED_RETENTION_MS = 30 * 24 * 3600 * 1000;

interface Conversation {
  updatedAt: number;
  /** When the alarm may delete it (`updatedAt` + the TTL in force then). */
  expiresAt: number;
  turns: Turn[];
}

export interface BeginRequest {
  now: number;
  /** Inactivity after which the turns are forgotten. */
  ttlMs: number;
  /** The API: refuse a conversation this server never issued. */
  mustBeIssued?: boolean;
  /** The channels: the platform's delivery id, remembered for `dedupeTtlMs`. */
  deliveryId?: string;
  dedupeTtlMs?: number;
}

export type BeginResult =
  | { status: 'ok'; turns: Turn[] }
  /** This delivery was handled before: do not reply again. */
  | { status: 'duplicate' }
  /** `mustBeIssued` and the id was never issued here (or is long forgotten). */
  | { status: 'unknown' };

interface SaveRequest {
  now: number;
  ttlMs: number;
  turns: Turn[];
  /** Record that this server issued the conversation (the API's first answer). */
  issue?: boolean;
}

const CONVERSATION = 'conversation';
const ISSUED = 'issued';
const DELIVERY = 'delivery:';

export class ChatState extends DurableObject {
  /** Read the conversation (and claim a delivery): one request, one or two row reads, one write for a delivery. */
  async begin(req: BeginRequest): Promise<BeginResult> {
    const storage = this.ctx.storage;
    if (req.mustBeIssued && (await storage.get<number>(ISSUED)) === undefined) return { status: 'unknown' };
    if (req.deliveryId !== undefined) {
      const key = DELIVERY + req.deliveryId;
      const until = await storage.get<number>(key);
      if (until !== undefined && until > req.now) return { status: 'duplicate' };
      const expires = req.now + (req.dedupeTtlMs ?? 3600_000);
      await storage.put(key, expires);
      await this.wakeBy(expires);
    }
    const conversation = await storage.get<Conversation>(CONVERSATION);
    const live = conversation && req.now - conversation.updatedAt <= req.ttlMs;
    return { status: 'ok', turns: live ? conversation.turns : [] };
  }

  /** Store the turns after a reply (an empty list forgets them). */
  async save(req: SaveRequest): Promise<void> {
    const storage = this.ctx.storage;
    if (req.turns.length === 0) await storage.delete(CONVERSATION);
    else await storage.put(CONVERSATION, { updatedAt: req.now, expiresAt: req.now + req.ttlMs, turns: req.turns } satisfies Conversation);
    if (req.issue || (await storage.get<number>(ISSUED)) !== undefined) {
      await storage.put(ISSUED, req.now);
      await this.wakeBy(req.now + ISSUED_RETENTION_MS);
    }
    if (req.turns.length) await this.wakeBy(req.now + req.ttlMs);
  }

  /** Delete what has expired; sleep until the next expiry. */
  override async alarm(): Promise<void> {
    const storage = this.ctx.storage;
    const now = Date.now();
    const all = await storage.list<unknown>();
    const expired: string[] = [];
    let next = Infinity;
    for (const [key, value] of all) {
      let expires: number;
      if (key === CONVERSATION) {
        expires = (value as Conversation).expiresAt;
      } else if (key === ISSUED) expires = (value as number) + ISSUED_RETENTION_MS;
      else expires = value as number;
      if (expires <= now) expired.push(key);
      else next = Math.min(next, expires);
    }
    if (expired.length === all.size) {
      await storage.deleteAll();
      await storage.deleteAlarm();
      return;
    }
    if (expired.length) await storage.delete(expired);
    if (next < Infinity) await storage.setAlarm(next);
  }

  /** Make sure an alarm fires no later than `at`. */
  private async wakeBy(at: number): Promise<void> {
    const storage = this.ctx.storage;
    const current = await storage.getAlarm();
    if (current === null || current > at) await storage.setAlarm(at);
  }
}
