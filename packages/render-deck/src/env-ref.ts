import { deckEnvRef, type HostSource } from '@routeplane/model';

/** A literal host, or the decK reference to the variable that holds it. */
export function hostValue(source: HostSource): string {
  return source.kind === 'literal' ? source.value : deckEnvRef(source.variable);
}
