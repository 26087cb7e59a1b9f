/**
 * Typed decK file entities. The shapes come from the official decK schema (generated file); the
 * names below are the ones renderers use.
 */

export type * as generated from './kong-file.generated.js';
export type {
  FCACertificate as KongCaCertificate,
  FCertificate as KongCertificate,
  FConsumer as KongConsumer,
  FPlugin as KongPlugin,
  FRoute as KongRoute,
  FService as KongService,
  FUpstream as KongUpstream,
  KongFile,
} from './kong-file.generated.js';
