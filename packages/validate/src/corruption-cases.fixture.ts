import type { CorruptionCase } from './corruption-setup.fixture.js';
import { argocdCorruptions } from './corruptions-argocd.fixture.js';
import { gatewayCorruptions } from './corruptions-gateway.fixture.js';
import { kongCorruptions } from './corruptions-kong.fixture.js';
import { podsCorruptions } from './corruptions-pods.fixture.js';
import { tlsCorruptions } from './corruptions-tls.fixture.js';

export type { CorruptionCase };

/** Each corruption of the clean tree, shared by corruptions.test.ts and rule-coverage.test.ts. */
export const corruptionCases: readonly CorruptionCase[] = [
  ...podsCorruptions,
  ...tlsCorruptions,
  ...kongCorruptions,
  ...argocdCorruptions,
  ...gatewayCorruptions,
];
