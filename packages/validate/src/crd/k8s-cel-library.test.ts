import { run } from '@bufbuild/cel';
import { describe, expect, it } from 'vitest';
import { kubernetesCelFunctions } from './k8s-cel-library.js';

const evaluate = (expr: string) => {
  const result = run(expr, {}, { funcs: [...kubernetesCelFunctions] });
  return result instanceof Error ? `error: ${result.message}` : result;
};

// The examples of the Kubernetes CEL library docs (k8s.io/apiserver/pkg/cel/library/urls.go and
// ip.go, and https://kubernetes.io/docs/reference/using-api/cel/), evaluated by the real engine.
describe('the Kubernetes URL library', () => {
  it.each([
    ["isURL('https://user:pass@example.com:80/path?query=val#fragment')", true],
    ["isURL('/absolute-path')", true],
    ["isURL('https://a:b:c/')", false],
    ["isURL('../relative-path')", false],
    ["isURL('example.com/path')", false],
    ["isURL('oci://registry.example.com/wasm:v1')", true],
    ["isURL('')", false],
    ["isURL('https://exa mple.com/')", false],
    ["isURL('https://example.com/%zz')", false],
    ["url('https://example.com/').getScheme()", 'https'],
    ["url('HTTPS://example.com/').getScheme()", 'https'],
    ["url('/path').getScheme()", ''],
    ["url('https://example.com:80/').getHost()", 'example.com:80'],
    ["url('https://example.com/').getHost()", 'example.com'],
    ["url('https://[::1]:80/').getHost()", '[::1]:80'],
    ["url('https://[::1]:80/').getHostname()", '::1'],
    ["url('https://example.com:80/').getHostname()", 'example.com'],
    ["url('https://example.com:80/').getPort()", '80'],
    ["url('https://example.com/').getPort()", ''],
    ["url('/path').getHost()", ''],
    [
      "url('http://' + 'registry.example.com/wasm').getScheme() in ['', 'http', 'https', 'oci', 'file']",
      true,
    ],
  ])('%s is %j', (expr, expected) => {
    expect(evaluate(expr)).toBe(expected);
  });

  it('fails to convert a string that is not a URL, as url() does in Kubernetes', () => {
    expect(evaluate("url('../relative').getScheme()")).toMatch(/^error: .*URL parse error/);
  });
});

describe('isIP of the Kubernetes IP library', () => {
  it.each([
    ["isIP('127.0.0.1')", true],
    ["isIP('::1')", true],
    ["isIP('2001:db8::68')", true],
    ["isIP('127.0.0.256')", false],
    ["isIP(':::1')", false],
    ["isIP('01.2.3.4')", false],
    ["isIP('fe80::1%eth0')", false],
    ["isIP('::ffff:1.2.3.4')", false],
    ["isIP('example.com')", false],
  ])('%s is %j', (expr, expected) => {
    expect(evaluate(expr)).toBe(expected);
  });
});

describe('the strings extension the rules use', () => {
  it.each([
    ["'a/b/c'.split('/')[0]", 'a'],
    ["'*.example.com'.substring(2)", 'example.com'],
    ["'abc'.contains('*')", false],
  ])('%s is %j', (expr, expected) => {
    expect(evaluate(expr)).toBe(expected);
  });
});
