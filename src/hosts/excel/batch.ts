/**
 * Request-size estimation and batching for Office.js. Excel on the web refuses requests and
 * responses over 5 MB; Miernik keeps every request it sends estimated under 4 MB.
 */

/** The largest request Miernik sends between two `context.sync` calls (estimated bytes). */
export const MAX_REQUEST_BYTES = 4_000_000;
/** What one queued operation costs beyond its payload: object paths, action ids, property names. */
export const OPERATION_OVERHEAD_BYTES = 200;

/** UTF-8 length of a string without allocating (works in Node and the browser). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Bytes of `payload` serialised as JSON (what Office.js puts on the wire for property values). */
export function jsonBytes(payload: unknown): number {
  const s = JSON.stringify(payload);
  return s === undefined ? 0 : utf8Length(s);
}

/**
 * Estimated size of a request carrying `payload` (e.g. a 2-D `values` or `formulas` array) in
 * `operations` queued operations: JSON size of the payload plus a fixed overhead per operation.
 */
export function estimateRequestBytes(payload: unknown, operations = 1): number {
  return jsonBytes(payload) + operations * OPERATION_OVERHEAD_BYTES;
}

export interface SyncContext {
  sync(): Promise<unknown>;
}

/**
 * Queues operations into the current request and syncs whenever the next one would push the
 * estimated request over the limit. `flush()` sends what is queued.
 */
export class Batcher {
  private pendingBytes = 0;
  private pendingOps = 0;
  syncs = 0;
  /** Estimated bytes of each request sent so far. */
  readonly requests: number[] = [];

  constructor(
    private readonly context: SyncContext,
    readonly maxBytes = MAX_REQUEST_BYTES,
    private readonly beforeEachRequest?: () => void,
    private readonly afterSync?: (syncs: number) => void,
  ) {}

  /** Queue an operation of `bytes` estimated size; `apply` makes the Office.js calls. */
  async add(bytes: number, apply: () => void): Promise<void> {
    if (this.pendingOps > 0 && this.pendingBytes + bytes > this.maxBytes) await this.flush();
    if (this.pendingOps === 0 && this.beforeEachRequest) this.beforeEachRequest();
    apply();
    this.pendingBytes += bytes;
    this.pendingOps++;
  }

  get pending(): number {
    return this.pendingOps;
  }

  async flush(): Promise<void> {
    if (this.pendingOps === 0) return;
    const bytes = this.pendingBytes;
    this.pendingBytes = 0;
    this.pendingOps = 0;
    await this.context.sync();
    this.syncs++;
    this.requests.push(bytes);
    this.afterSync?.(this.syncs);
  }
}
