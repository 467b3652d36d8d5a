/** The first thing found wrong when the log was recomputed. */
export interface ChainFault {
  kind:
    | 'content-changed'
    | 'stream-chain-broken'
    | 'stream-version-gap'
    | 'global-chain-broken'
    | 'global-position-gap'
    | 'unknown-event-type'
    | 'unreadable-event';
  streamId?: string;
  streamVersion?: number;
  globalPosition?: number | null;
  eventId?: string;
  /** What differs, in words an auditor can act on. */
  detail: string;
}

export interface ChainVerdict {
  ok: boolean;
  eventsChecked: number;
  streamsChecked: number;
  lastGlobalPosition: number;
  lastGlobalHash: string | null;
  faults: ChainFault[];
}

export interface LogDigest {
  count: number;
  lastPosition: number;
  lastGlobalHash: string | null;
  createdAt: string;
}

export interface SignedDigest extends LogDigest {
  algorithm: 'Ed25519';
  /** Base64 signature over the canonical JSON of the LogDigest fields. */
  signature: string;
  /** The public key (SPKI PEM) that verifies the signature. */
  publicKey: string;
}
