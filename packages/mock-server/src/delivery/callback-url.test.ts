import { describe, expect, test } from 'vitest';
import { checkCallbackUrl, classifyHost, isForbiddenAddress, parseIPv4, parseIPv6 } from './callback-url.js';

const REFUSED = 'must not point to a loopback, private or link-local address';

describe('checkCallbackUrl refuses every spelling of a local host', () => {
  test.each([
    // IPv4 loopback, in every notation a URL parser or inet_aton accepts
    ['https://127.0.0.1/hook'],
    ['https://127.255.255.254/hook'],
    ['https://2130706433/hook'], // decimal
    ['https://0x7f000001/hook'], // hex
    ['https://0x7F.0x0.0x0.0x1/hook'], // hex parts
    ['https://0177.0.0.1/hook'], // octal
    ['https://017700000001/hook'], // octal whole
    ['https://127.1/hook'], // short form
    ['https://127.0.1/hook'], // short form
    ['https://0x7f.1/hook'],
    ['https://127.0.0.1./hook'], // trailing dot
    ['https://127.0.0.1:8443/hook'],
    // this network, private, link-local, metadata, CGNAT, multicast, broadcast
    ['https://0.0.0.0/'],
    ['https://0/'],
    ['https://10.0.0.1/'],
    ['https://10.255.255.255/'],
    ['https://172.16.0.1/'],
    ['https://172.31.255.255/'],
    ['https://192.168.1.1/'],
    ['https://3232235777/'], // 192.168.1.1 in decimal
    ['https://169.254.169.254/latest/meta-data'],
    ['https://169.254.1.1/'],
    ['https://100.64.0.1/'],
    ['https://100.100.100.200/'],
    ['https://224.0.0.1/'],
    ['https://255.255.255.255/'],
    // IPv6 loopback, unspecified, mapped and compatible IPv4, ULA, link-local, NAT64, 6to4
    ['https://[::1]/'],
    ['https://[0:0:0:0:0:0:0:1]/'],
    ['https://[::]/'],
    ['https://[::ffff:127.0.0.1]/'],
    ['https://[::ffff:7f00:1]/'],
    ['https://[0:0:0:0:0:ffff:a00:1]/'], // ::ffff:10.0.0.1
    ['https://[::ffff:169.254.169.254]/'],
    ['https://[::127.0.0.1]/'], // IPv4-compatible
    ['https://[::ffff:0:192.168.0.1]/'], // IPv4-translated
    ['https://[64:ff9b::a9fe:a9fe]/'], // NAT64 of 169.254.169.254
    ['https://[2002:7f00:1::]/'], // 6to4 of 127.0.0.1
    ['https://[fc00::1]/'],
    ['https://[fd12:3456::1]/'],
    ['https://[fd00:ec2::254]/'], // AWS metadata over IPv6
    ['https://[fe80::1]/'],
    ['https://[febf::1]/'],
    ['https://[ff02::1]/'],
    // names
    ['https://localhost/'],
    ['https://LOCALHOST/'],
    ['https://localhost./'],
    ['https://api.localhost/'],
    ['https://a.b.localhost/'],
    ['https://ⓛocalhost/'], // IDNA maps it to localhost
    ['https://metadata.google.internal/computeMetadata/v1/'],
    ['https://metadata/'],
  ])('%s', (url) => {
    expect(checkCallbackUrl(url)).toEqual({ ok: false, reason: REFUSED });
  });
});

describe('checkCallbackUrl: other rules', () => {
  test.each([
    ['https://user:pass@hooks.example.com/', 'must not contain credentials'],
    ['https://user@hooks.example.com/', 'must not contain credentials'],
    ['https://:pass@hooks.example.com/', 'must not contain credentials'],
    ['http://hooks.example.com/', 'must be an https:// URL'],
    ['ftp://hooks.example.com/', 'must be an https:// URL'],
    ['not a url', 'must be a valid URL'],
    [`https://hooks.example.com/${'a'.repeat(2030)}`, 'must be at most 2048 characters'],
  ])('%s is refused: %s', (url, reason) => {
    expect(checkCallbackUrl(url)).toEqual({ ok: false, reason });
  });

  test.each([
    ['https://hooks.example.com/webhooks/video?x=1'],
    ['https://HOOKS.Example.com:8443/'],
    ['https://8.8.8.8/'],
    ['https://172.32.0.1/'], // just past 172.16/12
    ['https://172.15.255.255/'],
    ['https://169.255.0.1/'],
    ['https://100.128.0.1/'], // just past 100.64/10
    ['https://11.0.0.1/'],
    ['https://[2001:4860:4860::8888]/'],
    ['https://[::ffff:8.8.8.8]/'],
    ['https://localhost.example.com/'],
    ['https://mylocalhost/'],
    ['https://127.0.0.1.nip.io/'], // a name: refused later, when it resolves to 127.0.0.1
  ])('%s is accepted', (url) => {
    expect(checkCallbackUrl(url).ok).toBe(true);
  });

  test('allowLocal accepts http and local hosts, but still no credentials', () => {
    expect(checkCallbackUrl('http://127.0.0.1:3000/hook', { allowLocal: true }).ok).toBe(true);
    expect(checkCallbackUrl('https://localhost/hook', { allowLocal: true }).ok).toBe(true);
    expect(checkCallbackUrl('http://u:p@127.0.0.1/', { allowLocal: true })).toEqual({
      ok: false,
      reason: 'must not contain credentials',
    });
    expect(checkCallbackUrl('ftp://127.0.0.1/', { allowLocal: true })).toEqual({
      ok: false,
      reason: 'must be an http(s) URL',
    });
  });
});

describe('address parsing (also used on resolved addresses at delivery)', () => {
  test.each([
    ['127.0.0.1', 0x7f000001],
    ['127.1', 0x7f000001],
    ['0x7f.1', 0x7f000001],
    ['0177.0.0.01', 0x7f000001],
    ['2130706433', 0x7f000001],
    ['0x', 0],
    ['1.2.3.4.', 0x01020304],
    ['255.255.255.255', 0xffffffff],
  ])('parseIPv4(%s)', (text, value) => {
    expect(parseIPv4(text)).toBe(value);
  });

  test.each([
    ['256.1.1.1'],
    ['1.2.3.4.5'],
    ['1.2.65536'],
    ['4294967296'],
    ['08.1.1.1'],
    ['example.com'],
    ['1..1'],
    [''],
  ])('parseIPv4(%s) is not an address', (text) => {
    expect(parseIPv4(text)).toBeNull();
  });

  test.each([
    ['::1', [0, 0, 0, 0, 0, 0, 0, 1]],
    ['[::ffff:127.0.0.1]', [0, 0, 0, 0, 0, 0xffff, 0x7f00, 1]],
    ['fe80::1%eth0', [0xfe80, 0, 0, 0, 0, 0, 0, 1]],
    ['1:2:3:4:5:6:7:8', [1, 2, 3, 4, 5, 6, 7, 8]],
    ['1::', [1, 0, 0, 0, 0, 0, 0, 0]],
  ])('parseIPv6(%s)', (text, groups) => {
    expect(parseIPv6(text)).toEqual(groups);
  });

  test.each([
    ['1:2:3:4:5:6:7:8:9'],
    ['1::2::3'],
    ['::g'],
    ['12345::'],
    ['::1.2.3'],
    ['127.0.0.1'],
    ['1:2:3:4:5:6:7'],
  ])('parseIPv6(%s) is not an address', (text) => {
    expect(parseIPv6(text)).toBeNull();
  });

  test.each([
    ['127.0.0.1', true],
    ['10.1.2.3', true],
    ['::1', true],
    ['::ffff:192.168.0.1', true],
    ['fd00::1', true],
    ['93.184.215.14', false],
    ['2606:2800:21f:cb07:6820:80da:af6b:8b2c', false],
    ['not-an-address', true], // fail closed
  ])('isForbiddenAddress(%s) is %s', (address, forbidden) => {
    expect(isForbiddenAddress(address)).toBe(forbidden);
  });

  test('classifyHost tells IP literals from names', () => {
    expect(classifyHost('[::1]')).toEqual({ kind: 'ip', forbidden: true });
    expect(classifyHost('8.8.8.8')).toEqual({ kind: 'ip', forbidden: false });
    expect(classifyHost('hooks.example.com')).toEqual({ kind: 'name', forbidden: false });
    expect(classifyHost('x.localhost')).toEqual({ kind: 'name', forbidden: true });
  });
});
