// Each refused IPv4 range and IPv6 prefix at its edges, and each refused name, one by one.
import { describe, expect, test } from 'vitest';
import {
  checkCallbackUrl,
  classifyHost,
  isForbiddenAddress,
  MAX_CALLBACK_URL_LENGTH,
  parseIPv4,
  parseIPv6,
} from './callback-url.js';

describe('IPv4 ranges: first and last address refused, the neighbours outside accepted', () => {
  test.each([
    ['0.0.0.0/8', '0.0.0.0', '0.255.255.255', null, '1.0.0.0'],
    ['10.0.0.0/8', '10.0.0.0', '10.255.255.255', '9.255.255.255', '11.0.0.0'],
    ['100.64.0.0/10', '100.64.0.0', '100.127.255.255', '100.63.255.255', '100.128.0.0'],
    ['127.0.0.0/8', '127.0.0.0', '127.255.255.255', '126.255.255.255', '128.0.0.0'],
    ['169.254.0.0/16', '169.254.0.0', '169.254.255.255', '169.253.255.255', '169.255.0.0'],
    ['172.16.0.0/12', '172.16.0.0', '172.31.255.255', '172.15.255.255', '172.32.0.0'],
    ['192.0.0.0/24', '192.0.0.0', '192.0.0.255', '191.255.255.255', '192.0.1.0'],
    ['192.168.0.0/16', '192.168.0.0', '192.168.255.255', '192.167.255.255', '192.169.0.0'],
    ['198.18.0.0/15', '198.18.0.0', '198.19.255.255', '198.17.255.255', '198.20.0.0'],
    ['224.0.0.0/4', '224.0.0.0', '239.255.255.255', '223.255.255.255', null],
    ['240.0.0.0/4', '240.0.0.0', '255.255.255.255', null, null],
  ])('%s', (_, first, last, before, after) => {
    expect(isForbiddenAddress(first)).toBe(true);
    expect(isForbiddenAddress(last)).toBe(true);
    if (before) expect(isForbiddenAddress(before)).toBe(false);
    if (after) expect(isForbiddenAddress(after)).toBe(false);
  });
});

describe('IPv6 prefixes', () => {
  test.each([
    ['::ffff:10.0.0.1', true], // IPv4-mapped: the IPv4 inside decides
    ['::ffff:8.8.8.8', false],
    ['::8.8.8.8', false], // IPv4-compatible
    ['::ffff:0:10.0.0.1', true], // IPv4-translated
    ['::ffff:0:8.8.8.8', false],
    ['::1:ffff:0:808:808', false], // not translated: a 1 in group 3
    ['64:ff9b::10.0.0.1', true], // NAT64
    ['64:ff9b::8.8.8.8', false],
    ['64:ff9b:0:0:0:1:808:808', false], // not NAT64 /96: group 5 set
    ['64:ff9b:1::1', true], // local-use NAT64
    ['64:ff9b:2::1', false],
    ['65:ff9b:1::1', false],
    ['64:ff9a:1::1', false],
    ['2002:a00:1::', true], // 6to4 of 10.0.0.1
    ['2002:808:808::', false], // 6to4 of 8.8.8.8
    ['2002:c000:1::', true], // 6to4 of 192.0.0.1: both halves of the embedded IPv4 count
    ['100::1', true], // discard-only
    ['100:0:0:1::1', false],
    ['101::1', false],
    ['fc00::', true],
    ['fdff:ffff::1', true],
    ['fbff::1', false],
    ['fe00::1', false],
    ['fe80::', true],
    ['febf:ffff::1', true],
    ['fec0::1', true], // site-local
    ['feff::1', true],
    ['ff00::1', true], // multicast
    ['ffff::1', true],
    ['2001:db8::1', false],
  ])('%s refused: %s', (address, forbidden) => {
    expect(isForbiddenAddress(address)).toBe(forbidden);
  });
});

describe('names', () => {
  test.each([
    'localhost',
    'localhost.localdomain',
    'ip6-localhost',
    'ip6-loopback',
    'metadata',
    'metadata.google.internal',
    'instance-data',
    'Instance-Data.',
    'x.localhost',
    '.',
  ])('%s is refused', (name) => {
    expect(classifyHost(name)).toEqual({ kind: 'name', forbidden: true });
  });

  test.each(['localhostx', 'xlocalhost', 'metadata.example', 'instance-data.example', 'example.com..'])(
    '%s is a name like any other',
    (name) => {
      expect(classifyHost(name)).toEqual({ kind: 'name', forbidden: false });
    },
  );

  test('trailing dots are dropped before the check, IP literals included', () => {
    expect(classifyHost('127.0.0.1...')).toEqual({ kind: 'ip', forbidden: true });
    expect(classifyHost('[fe80::1]')).toEqual({ kind: 'ip', forbidden: true });
    expect(classifyHost('[not-v6]')).toEqual({ kind: 'ip', forbidden: true });
  });
});

describe('parsing edges', () => {
  test.each([
    ['0x10.0x20.0x30.0x40', 0x10203040],
    ['010.020.030.040', 0x08101820],
    ['0.0.0.0', 0],
    ['1.16777215', 0x01ffffff],
    ['1.2.65535', 0x0102ffff],
    ['4294967295', 0xffffffff],
  ])('parseIPv4(%s)', (text, value) => {
    expect(parseIPv4(text)).toBe(value);
  });

  test.each([
    ['1.2.3.4.0'],
    ['1.16777216'],
    ['1.2.3.256'],
    ['0x1g'],
    ['1e3'],
    ['+1.2.3.4'],
    [' 1.2.3.4'],
    ['1.2.3.4 '],
  ])('parseIPv4(%j) is not an address', (text) => {
    expect(parseIPv4(text)).toBeNull();
  });

  test.each([
    ['::', [0, 0, 0, 0, 0, 0, 0, 0]],
    ['1:2:3::6:7:8', [1, 2, 3, 0, 0, 6, 7, 8]],
    ['::ffff:1.2.3.4', [0, 0, 0, 0, 0, 0xffff, 0x102, 0x304]],
    ['ABCD::EF01', [0xabcd, 0, 0, 0, 0, 0, 0, 0xef01]],
    ['1:2:3:4:5:6::7', [1, 2, 3, 4, 5, 6, 0, 7]],
    ['1:2:3:4:5:6:7::', [1, 2, 3, 4, 5, 6, 7, 0]],
    ['::ffff:10.20.30.255', [0, 0, 0, 0, 0, 0xffff, 0x0a14, 0x1eff]],
  ])('parseIPv6(%s)', (text, groups) => {
    expect(parseIPv6(text)).toEqual(groups);
  });

  test.each([
    ['1:2:3:4:5:6:7::8'],
    ['1:2:3:4::5:6:7:8'],
    ['::ffff:1.2.3.256'],
    ['::ffff:1.2.3.4.5'],
    ['[::1'],
    ['::1]'],
    ['1:2:3:4:5:6:7:8::'],
    [':1'],
  ])('parseIPv6(%s) is not an address', (text) => {
    expect(parseIPv6(text)).toBeNull();
  });

  test('a v4-looking string with letters other than hex is refused as an address', () => {
    expect(isForbiddenAddress('8.8.8.8x')).toBe(true);
    expect(isForbiddenAddress('0x08080808')).toBe(false);
  });
});

test('a callback URL of exactly the maximum length is accepted, one character more is not', () => {
  const exact = `https://hooks.example.com/${'a'.repeat(MAX_CALLBACK_URL_LENGTH - 'https://hooks.example.com/'.length)}`;
  expect(checkCallbackUrl(exact).ok).toBe(true);
  expect(checkCallbackUrl(`${exact}a`).ok).toBe(false);
});
