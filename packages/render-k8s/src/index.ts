export { renderK8s } from './render-k8s.js';
