export { namespacePoliciesFile, renderK8s } from './render-k8s.js';
export { deckEnvAnnotations } from './pki.js';
