import ipaddr from 'ipaddr.js';

export interface Ipv4Cidr {
  readonly text: string;
  readonly address: ipaddr.IPv4;
  readonly prefix: number;
}

/** Parses an IPv4 CIDR; returns a reason when it is not one or has host bits set. */
export function parseIpv4Cidr(text: string): Ipv4Cidr | string {
  let parsed: [ipaddr.IPv4 | ipaddr.IPv6, number];
  try {
    parsed = ipaddr.parseCIDR(text);
  } catch {
    return 'must be an IPv4 CIDR such as 10.0.0.0/16';
  }
  const [address, prefix] = parsed;
  if (address.kind() !== 'ipv4') return 'must be an IPv4 CIDR such as 10.0.0.0/16';
  const ipv4 = address as ipaddr.IPv4;
  const network = ipaddr.IPv4.networkAddressFromCIDR(text);
  if (network.toString() !== ipv4.toString()) {
    return `has host bits set: the network address is ${network.toString()}/${prefix}`;
  }
  return { text, address: ipv4, prefix };
}

/** Two CIDRs overlap when either contains the other's network address. */
export function cidrsOverlap(a: Ipv4Cidr, b: Ipv4Cidr): boolean {
  return a.address.match(b.address, b.prefix) || b.address.match(a.address, a.prefix);
}
