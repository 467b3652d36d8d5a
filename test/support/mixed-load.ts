/** One answer the load got: an HTTP status, or what went wrong below HTTP. */
export interface LoadAnswer {
  kind: 'read' | 'write';
  path: string;
  startedAt: number;
  endedAt: number;
  /** The HTTP status, or `reset` (the connection failed) or `timeout` (no answer in time). */
  status: number | 'reset' | 'timeout';
  retryAfter: string | null;
  /** The Idempotency-Key of a write. */
  key?: string;
  detail?: string;
}

export interface MixedLoadOptions {
  baseUrl: string;
  token: string;
  workers?: number;
  /** Pause between one worker's requests, so that instant 503s do not become a busy loop. */
  pauseMs?: number;
  /** An answer later than this is recorded as `timeout` (a hang is a failure too). */
  timeoutMs?: number;
}

/**
 * Reads (authenticated, and the public summary) and command POSTs (each with its own
 * Idempotency-Key, each a new partner)
 * from a few concurrent workers, recording every answer with its times, so a test can say what
 * was answered while the database was down and which writes were acknowledged.
 */
export class MixedLoad {
  readonly answers: LoadAnswer[] = [];
  private running = false;
  private workers: Promise<void>[] = [];
  private sent = 0;

  constructor(private readonly options: MixedLoadOptions) {}

  start(): void {
    this.running = true;
    this.workers = Array.from({ length: this.options.workers ?? 4 }, (_, w) => this.work(w));
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.workers);
  }

  /** Idempotency-Keys of the writes answered 201. */
  acknowledgedKeys(): string[] {
    return this.answers.filter((a) => a.kind === 'write' && a.status === 201).map((a) => a.key!);
  }

  private async work(worker: number): Promise<void> {
    for (let i = 0; this.running; i++) {
      const n = this.sent++;
      const step = (i + worker) % 4;
      if (step === 0) {
        const key = `outage-${process.pid}-${n}`;
        await this.send('write', '/partners', key, {
          name: `Outage partner ${n}`,
          sector: 'civil-society',
        });
      } else {
        // Two reads behind the token check, one public page (no user to look up).
        await this.send('read', ['/partners', '/public/summary', '/progress'][step - 1]);
      }
      await new Promise((resolve) => setTimeout(resolve, this.options.pauseMs ?? 50));
    }
  }

  private async send(
    kind: LoadAnswer['kind'],
    path: string,
    key?: string,
    body?: object,
  ): Promise<void> {
    const startedAt = Date.now();
    const headers: Record<string, string> = { Authorization: `Bearer ${this.options.token}` };
    if (key) headers['Idempotency-Key'] = key;
    if (body) headers['Content-Type'] = 'application/json';
    let answer: Omit<LoadAnswer, 'endedAt'>;
    try {
      const response = await fetch(`${this.options.baseUrl}${path}`, {
        method: body ? 'POST' : 'GET',
        headers,
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 8000),
      });
      const text = await response.text();
      answer = {
        kind,
        path,
        startedAt,
        status: response.status,
        retryAfter: response.headers.get('retry-after'),
        key,
        detail: response.ok ? undefined : text.slice(0, 300),
      };
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      answer = {
        kind,
        path,
        startedAt,
        status: timedOut ? 'timeout' : 'reset',
        retryAfter: null,
        key,
        detail: cause?.code ?? cause?.message ?? (error as Error).message,
      };
    }
    this.answers.push({ ...answer, endedAt: Date.now() });
  }
}
