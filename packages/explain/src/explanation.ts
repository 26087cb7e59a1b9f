/** One hop of a request's path, as `explain` prints it. */
export interface Hop {
  readonly step: number;
  readonly title: string;
  /** `pass`: the request goes on; `fail`: it stops here; `skipped`: never reached. */
  readonly status: 'pass' | 'fail' | 'skipped';
  readonly lines: readonly string[];
}

export interface ExplainRequest {
  readonly method: string;
  readonly path: string;
  /** Host header Kong sees; undefined: the CloudFront origin domain. */
  readonly host?: string;
}

export interface Explanation {
  readonly environment: string;
  readonly request: { readonly method: string; readonly path: string; readonly host: string };
  /** `delivered`: every hop passes; otherwise the first failing hop says why. */
  readonly outcome: 'delivered' | 'rejected';
  readonly hops: readonly Hop[];
}

/** What a hop found, and what the next hop needs from it. */
export interface HopResult<T> {
  readonly hop: Omit<Hop, 'step'>;
  readonly next?: T;
}

/** A hop that stops the request: what it found, then why it stops. */
export function rejected<T>(title: string, found: readonly string[], why: string): HopResult<T> {
  return { hop: { title, status: 'fail', lines: [...found, why] } };
}
