/** What the bring-up simulation records for a reviewer: one line per change, and wave starts. */

export interface TimelineEntry {
  readonly t: number;
  readonly wave: number | undefined;
  readonly app: string;
  readonly status: string;
}

/** A wave the root started, and which children of earlier waves had not converged then. */
export interface WaveStart {
  readonly t: number;
  readonly wave: number;
  readonly notConverged: readonly string[];
}

/** The timeline as a reviewer reads it: time, wave, app, status. */
export function formatTimeline(entries: readonly TimelineEntry[]): string {
  return entries
    .map((e) => {
      const time = `${String(Math.floor(e.t / 60)).padStart(3)}m${String(e.t % 60).padStart(2, '0')}s`;
      const wave = e.wave === undefined ? '    ' : String(e.wave).padStart(4);
      return `${time} ${wave}  ${e.app.padEnd(36)} ${e.status}`;
    })
    .join('\n');
}
