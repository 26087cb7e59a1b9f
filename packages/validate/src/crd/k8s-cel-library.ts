import { isIPv4, isIPv6 } from 'node:net';
import { type CelFunc, CelScalar, celFunc, celMethod, isCelMap, mapType } from '@bufbuild/cel';
import { strings } from '@bufbuild/cel/ext';
import { parseRequestUri, splitHostPort } from './go-request-uri.js';

/**
 * The Kubernetes CEL extension functions the pinned CRDs' rules call, to the Kubernetes spec
 * (k8s.io/apiserver/pkg/cel/library, Kubernetes 1.34): the URL library (urls.go) and `isIP` of
 * the IP library (ip.go). The strings extension (`split`, `substring`, ...) comes from
 * @bufbuild/cel/ext. A rule calling any other function is reported as not evaluable.
 */

const urlMarker = '__k8s_url__';
/** A parsed URL as a CEL value: a map that only the URL methods below accept. */
const urlType = mapType(CelScalar.STRING, CelScalar.STRING);

function parsedUrl(raw: string): Map<string, string> {
  const uri = parseRequestUri(raw);
  if (!uri) throw new Error(`URL parse error during conversion from string: ${raw}`);
  return new Map([
    [urlMarker, raw],
    ['scheme', uri.scheme],
    ['host', uri.host],
  ]);
}

function urlPart(target: unknown, part: 'scheme' | 'host'): string {
  if (!isCelMap(target) || target.get(urlMarker) === undefined) {
    throw new Error('no such overload: the target is not a URL');
  }
  const value = target.get(part);
  return typeof value === 'string' ? value : '';
}

/** ip.go: an IPv4 or IPv6 address, without a zone and not IPv4-mapped IPv6 (netip.ParseAddr). */
export function isKubernetesIp(s: string): boolean {
  if (isIPv4(s)) return true;
  if (!isIPv6(s) || s.includes('%')) return false;
  const canonical = new URL(`http://[${s}]/`).hostname;
  return !/^\[::ffff:[0-9a-f]{1,4}:[0-9a-f]{1,4}\]$/.test(canonical);
}

export const kubernetesCelFunctions: readonly CelFunc[] = [
  ...strings,
  celFunc('isURL', [CelScalar.STRING], CelScalar.BOOL, (s) => parseRequestUri(s) !== undefined),
  celFunc('url', [CelScalar.STRING], urlType, (s) => parsedUrl(s)),
  celMethod('getScheme', urlType, [], CelScalar.STRING, function () {
    return urlPart(this, 'scheme');
  }),
  celMethod('getHost', urlType, [], CelScalar.STRING, function () {
    return urlPart(this, 'host');
  }),
  celMethod('getHostname', urlType, [], CelScalar.STRING, function () {
    return splitHostPort(urlPart(this, 'host')).hostname;
  }),
  celMethod('getPort', urlType, [], CelScalar.STRING, function () {
    return splitHostPort(urlPart(this, 'host')).port;
  }),
  celFunc('isIP', [CelScalar.STRING], CelScalar.BOOL, (s) => isKubernetesIp(s)),
];
