import { createHash } from 'node:crypto';

/** Elastic Load Balancing's limit for load balancer and target group names. */
const maxLength = 32;
/** Hex characters of the full base's digest kept when the base has to be shortened. */
const digestLength = 6;

/**
 * A load balancer or target group name `<base>-<suffix>`: at most 32 characters, never ending
 * with a hyphen (Elastic Load Balancing's rules), the suffix kept whole so an ALB and its target
 * group stay apart. A base too long to fit is shortened and followed by a digest of the whole
 * base, so two clusters whose names share their first characters still get different names
 * (names are unique per account and region, and the environments may share both).
 */
export function elbName(base: string, suffix: string): string {
  const whole = `${base}-${suffix}`;
  if (whole.length <= maxLength) return whole;
  const digest = createHash('sha256').update(base).digest('hex').slice(0, digestLength);
  const room = maxLength - suffix.length - digestLength - 2;
  return `${base.slice(0, room).replace(/-+$/, '')}-${digest}-${suffix}`;
}
