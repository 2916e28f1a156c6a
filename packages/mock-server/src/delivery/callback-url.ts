// Callback URL rules a schema cannot say: no loopback/private/link-local/metadata host in any spelling.
import { spec } from '@videotask/spec';

export interface CallbackUrlOptions {
  /** Local development and tests: allow http:// and any host. */
  allowLocal?: boolean;
}

export type CallbackUrlCheck = { ok: true; url: URL } | { ok: false; reason: string };

/** The spec's `maxLength` of `callback_url`: also applied to URLs the admin API redelivers to. */
export const MAX_CALLBACK_URL_LENGTH: number = (spec.components.schemas.CallbackUrl as { maxLength: number })
  .maxLength;

/** Names that always mean this machine or a cloud metadata service. */
const FORBIDDEN_NAMES = new Set([
  'localhost',
  'localhost.localdomain',
  'ip6-localhost',
  'ip6-loopback',
  'metadata',
  'metadata.google.internal',
  'instance-data',
]);

/** IPv4 ranges that are not the public internet: [network, prefix length]. */
const FORBIDDEN_V4: [number, number][] = [
  [v4(0, 0, 0, 0), 8], // "this network", 0.0.0.0
  [v4(10, 0, 0, 0), 8], // private
  [v4(100, 64, 0, 0), 10], // carrier-grade NAT (and Alibaba's metadata 100.100.100.200)
  [v4(127, 0, 0, 0), 8], // loopback
  [v4(169, 254, 0, 0), 16], // link-local (cloud metadata 169.254.169.254)
  [v4(172, 16, 0, 0), 12], // private
  [v4(192, 0, 0, 0), 24], // IETF protocol assignments
  [v4(192, 168, 0, 0), 16], // private
  [v4(198, 18, 0, 0), 15], // benchmarking
  [v4(224, 0, 0, 0), 4], // multicast
  [v4(240, 0, 0, 0), 4], // reserved, broadcast
];

function v4(a: number, b: number, c: number, d: number): number {
  return ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
}

/**
 * Parses an IPv4 address the way URL parsers and inet_aton do: 1 to 4 parts, each decimal, octal
 * (leading 0) or hex (0x); the last part fills the remaining bytes (`127.1`, `2130706433`,
 * `0x7f.1`, `0177.0.0.1`). Returns the address as an unsigned 32-bit number, or null.
 */
export function parseIPv4(host: string): number | null {
  const parts = host.split('.');
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  if (parts.length < 1 || parts.length > 4) return null;
  const values: number[] = [];
  for (const part of parts) {
    let value: number;
    if (/^0[xX][0-9a-fA-F]*$/.test(part)) value = part.length === 2 ? 0 : Number.parseInt(part.slice(2), 16);
    else if (/^0[0-7]+$/.test(part)) value = Number.parseInt(part.slice(1), 8);
    else if (/^(0|[1-9][0-9]*)$/.test(part)) value = Number(part);
    else return null;
    if (!Number.isSafeInteger(value)) return null;
    values.push(value);
  }
  const last = values.pop() as number;
  if (values.some((v) => v > 255)) return null;
  if (last >= 256 ** (4 - values.length)) return null;
  let address = last;
  values.forEach((v, i) => {
    address += v * 256 ** (3 - i);
  });
  return address >>> 0;
}

/** Parses an IPv6 address (with or without brackets, zone id ignored) to 8 groups, or null. */
export function parseIPv6(text: string): number[] | null {
  let s = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  if (!s.includes(':')) return null;
  // A dotted IPv4 tail (::ffff:127.0.0.1) becomes two groups.
  if (s.includes('.')) {
    const cut = s.lastIndexOf(':');
    const tail = s.slice(cut + 1);
    if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(tail)) return null;
    const bytes = tail.split('.').map(Number);
    if (bytes.some((b) => b > 255)) return null;
    const [a = 0, b = 0, c = 0, d = 0] = bytes;
    s = `${s.slice(0, cut + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const parse = (half: string | undefined): number[] | null => {
    if (!half) return [];
    const groups: number[] = [];
    for (const group of half.split(':')) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return null;
      groups.push(Number.parseInt(group, 16));
    }
    return groups;
  };
  const head = parse(halves[0]);
  const tail = parse(halves[1]);
  if (!head || !tail) return null;
  if (halves.length === 1) return head.length === 8 ? head : null;
  if (head.length + tail.length > 7) return null;
  return [...head, ...new Array(8 - head.length - tail.length).fill(0), ...tail];
}

export function isForbiddenIPv4(address: number): boolean {
  for (const [network, bits] of FORBIDDEN_V4) {
    const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
    if ((address & mask) >>> 0 === network) return true;
  }
  return false;
}

export function isForbiddenIPv6(groups: number[]): boolean {
  const g = (i: number) => groups[i] ?? 0;
  const embedded = (hi: number) => ((g(hi) << 16) | g(hi + 1)) >>> 0;
  const zeros = (from: number, to: number) => groups.slice(from, to).every((x) => x === 0);
  // ::/96 (unspecified, loopback, IPv4-compatible) and ::ffff:0:0/96 (IPv4-mapped): the IPv4 inside decides.
  if (zeros(0, 5) && (g(5) === 0 || g(5) === 0xffff)) return isForbiddenIPv4(embedded(6));
  // ::ffff:0:0:0/96 (IPv4-translated) and 64:ff9b::/96 (NAT64): likewise.
  if (zeros(0, 4) && g(4) === 0xffff && g(5) === 0) return isForbiddenIPv4(embedded(6));
  if (g(0) === 0x64 && g(1) === 0xff9b && zeros(2, 6)) return isForbiddenIPv4(embedded(6));
  if (g(0) === 0x64 && g(1) === 0xff9b && g(2) === 1) return true; // local-use NAT64
  if (g(0) === 0x2002) return isForbiddenIPv4(embedded(1)); // 6to4
  if (g(0) === 0x100 && zeros(1, 4)) return true; // discard-only
  const first = g(0);
  if ((first & 0xfe00) === 0xfc00) return true; // fc00::/7 unique local
  if ((first & 0xffc0) === 0xfe80) return true; // fe80::/10 link-local
  if ((first & 0xffc0) === 0xfec0) return true; // fec0::/10 site-local (deprecated)
  if ((first & 0xff00) === 0xff00) return true; // multicast
  return false;
}

/**
 * Whether a resolved or literal address must not be called. Anything that is not a valid IPv4 or
 * IPv6 address is refused too (fail closed).
 */
export function isForbiddenAddress(address: string): boolean {
  const v6 = parseIPv6(address);
  if (v6) return isForbiddenIPv6(v6);
  const ip = /^[0-9a-fA-FxX.]+$/.test(address) ? parseIPv4(address) : null;
  if (ip !== null) return isForbiddenIPv4(ip);
  return true;
}

/** A URL's host: an IP literal (and whether it is forbidden), or a name to resolve. */
export type HostKind = { kind: 'ip'; forbidden: boolean } | { kind: 'name'; forbidden: boolean };

/** Classifies a hostname as written in a URL (`[::1]`, `127.1`, `Example.COM.`). */
export function classifyHost(hostname: string): HostKind {
  const host = hostname.toLowerCase().replace(/\.+$/, '');
  if (host.startsWith('[')) {
    const v6 = parseIPv6(host);
    return { kind: 'ip', forbidden: v6 ? isForbiddenIPv6(v6) : true };
  }
  const ip = parseIPv4(host);
  if (ip !== null) return { kind: 'ip', forbidden: isForbiddenIPv4(ip) };
  const forbidden = host === '' || FORBIDDEN_NAMES.has(host) || host.endsWith('.localhost');
  return { kind: 'name', forbidden };
}

/**
 * The create-time check of `callback_url` beyond its schema: a parsable https URL without
 * credentials whose host is not loopback, private, link-local or a metadata address. With
 * `allowLocal`, http and any host are allowed (credentials still are not).
 */
export function checkCallbackUrl(raw: string, options: CallbackUrlOptions = {}): CallbackUrlCheck {
  if (raw.length > MAX_CALLBACK_URL_LENGTH) {
    return { ok: false, reason: `must be at most ${MAX_CALLBACK_URL_LENGTH} characters` };
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'must be a valid URL' };
  }
  const schemes = options.allowLocal ? ['https:', 'http:'] : ['https:'];
  if (!schemes.includes(url.protocol)) {
    return { ok: false, reason: options.allowLocal ? 'must be an http(s) URL' : 'must be an https:// URL' };
  }
  if (url.username || url.password) return { ok: false, reason: 'must not contain credentials' };
  if (!options.allowLocal && classifyHost(url.hostname).forbidden) {
    return { ok: false, reason: 'must not point to a loopback, private or link-local address' };
  }
  return { ok: true, url };
}
