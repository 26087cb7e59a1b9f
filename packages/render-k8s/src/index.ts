export { deckEnvAnnotations } from './pki.js';
export { namespacePoliciesFile, renderK8s } from './render-k8s.js';
