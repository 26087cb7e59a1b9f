/** A dotted version as numbers, e.g. `1.40.0` -> [1, 40, 0]. */
export type Version = readonly number[];

/** Minimum versions routeplane's invocations need (the subcommands and flags it passes). */
export const minimumToolVersions = {
  // `deck file validate` replaced `deck validate` in decK 1.28 and is stable since 1.40.
  deck: '1.40.0',
  // `-schema-location` templates with {{.Group}} and `-strict` on metadata exist since 0.6.
  kubeconform: '0.6.0',
} as const;

export type ExternalTool = keyof typeof minimumToolVersions;

/** The version subcommand/flag of each tool (decK: `deck version`; kubeconform: `-v`). */
export const versionArgs: Readonly<Record<ExternalTool, readonly string[]>> = {
  deck: ['version'],
  kubeconform: ['-v'],
};

/** First `x.y[.z]` in a tool's version output (`decK v1.40.2 (abc)`, `v0.6.7`), or undefined. */
export function parseVersion(output: string): Version | undefined {
  const match = /\bv?(\d+)\.(\d+)(?:\.(\d+))?/.exec(output);
  if (!match) return undefined;
  return [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
}

/** Negative when a < b, zero when equal, positive when a > b. */
export function compareVersions(a: Version, b: Version): number {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

export function formatVersion(version: Version): string {
  return version.join('.');
}
