/**
 * Go's `net/url.ParseRequestURI`, which Kubernetes' CEL URL library is defined by
 * (k8s.io/apiserver/pkg/cel/library/urls.go: `isURL`, `url`). Only what the library exposes:
 * scheme, host (with port) and whether the string parses. Modelled on Go 1.24 src/net/url/url.go
 * (parse with viaRequest=true, getScheme, parseAuthority, parseHost, unescape).
 */
export interface RequestUri {
  readonly scheme: string;
  /** `host[:port]`, brackets kept for IPv6 literals; empty without an authority. */
  readonly host: string;
}

const isLetter = (c: string) => /^[A-Za-z]$/.test(c);

/** [scheme, rest], or undefined for Go's "missing protocol scheme". */
function splitScheme(raw: string): [string, string] | undefined {
  for (let i = 0; i < raw.length; i += 1) {
    const c = raw.charAt(i);
    if (isLetter(c)) continue;
    if (/^[0-9+.-]$/.test(c)) {
      if (i === 0) return ['', raw];
      continue;
    }
    if (c === ':') return i === 0 ? undefined : [raw.slice(0, i).toLowerCase(), raw.slice(i + 1)];
    return ['', raw];
  }
  return ['', raw];
}

/** `""` or `:` followed by digits only. */
function validOptionalPort(port: string): boolean {
  return port === '' || /^:[0-9]*$/.test(port);
}

/** Go's unescape: every `%` starts two hex digits; in a host only some ASCII is allowed. */
function unescapes(s: string, host: boolean): boolean {
  for (let i = 0; i < s.length; i += 1) {
    const c = s.charAt(i);
    if (c === '%') {
      const hex = s.slice(i + 1, i + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return false;
      // A host may percent-encode only non-ASCII bytes (or %25 inside an IPv6 zone).
      if (host && Number.parseInt(hex.charAt(0), 16) < 8 && hex !== '25') return false;
      i += 2;
    } else if (host && c.charCodeAt(0) < 0x80 && !/^[A-Za-z0-9\-_.~!$&'()*+,;=:[\]<>"]$/.test(c)) {
      return false;
    }
  }
  return true;
}

function validHost(host: string): boolean {
  if (host.startsWith('[')) {
    const close = host.lastIndexOf(']');
    if (close < 0 || !validOptionalPort(host.slice(close + 1))) return false;
  } else {
    const colon = host.lastIndexOf(':');
    if (colon >= 0 && !validOptionalPort(host.slice(colon))) return false;
  }
  return unescapes(host, true);
}

function validUserinfo(user: string): boolean {
  return /^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/.test(user);
}

/** The parsed URI, or undefined where Go's ParseRequestURI returns an error. */
export function parseRequestUri(raw: string): RequestUri | undefined {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: Go rejects ASCII control bytes.
  if (raw === '' || /[\u0000-\u001f\u007f]/.test(raw)) return undefined;
  if (raw === '*') return { scheme: '', host: '' };
  const split = splitScheme(raw);
  if (!split) return undefined;
  const [scheme, afterScheme] = split;
  const rest =
    afterScheme.endsWith('?') && afterScheme.split('?').length === 2
      ? afterScheme.slice(0, -1)
      : (afterScheme.split('?')[0] ?? '');
  if (!rest.startsWith('/')) return scheme !== '' ? { scheme, host: '' } : undefined;
  let host = '';
  let path = rest;
  if (scheme !== '' && rest.startsWith('//')) {
    const authorityAndPath = rest.slice(2);
    const slash = authorityAndPath.indexOf('/');
    const authority = slash < 0 ? authorityAndPath : authorityAndPath.slice(0, slash);
    path = slash < 0 ? '' : authorityAndPath.slice(slash);
    const at = authority.lastIndexOf('@');
    if (at >= 0 && !validUserinfo(authority.slice(0, at))) return undefined;
    host = authority.slice(at + 1);
    if (!validHost(host)) return undefined;
  }
  return unescapes(path, false) ? { scheme, host } : undefined;
}

/** Go's URL.Hostname and URL.Port: the host without its port and brackets, and the port. */
export function splitHostPort(host: string): { hostname: string; port: string } {
  const colon = host.lastIndexOf(':');
  const hasPort = colon >= 0 && validOptionalPort(host.slice(colon)) && !host.endsWith(']');
  const name = hasPort ? host.slice(0, colon) : host;
  const port = hasPort ? host.slice(colon + 1) : '';
  const bracketed = name.startsWith('[') && name.endsWith(']');
  return { hostname: bracketed ? name.slice(1, -1) : name, port };
}
