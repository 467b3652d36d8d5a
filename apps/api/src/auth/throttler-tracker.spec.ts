import { normalizeIp } from '@nestjs/throttler';
import { IPV6_CLIENT_PREFIX } from './auth.module';

/**
 * The key the rate limits count a client address by: @nestjs/throttler's tracker
 * (`normalizeIp(request.ip, ipv6SubnetPrefix)`) with the prefix auth.module.ts sets. Pinned here
 * because the login limit relies on it (issue 17, item 9): an upgrade that changed it fails this.
 */
describe('the address the rate limits count a client by', () => {
  const bucket = (address: string) => normalizeIp(address, IPV6_CLIENT_PREFIX);

  it('keeps an IPv4 address as it is', () => {
    expect(bucket('203.0.113.7')).toBe('203.0.113.7');
  });

  it('counts an IPv4-mapped IPv6 address as the IPv4 address', () => {
    expect(bucket('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(bucket('::FFFF:cb00:7107')).toBe('203.0.113.7');
    expect(bucket('0:0:0:0:0:ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('puts the addresses of one /64 in one bucket, however they are written', () => {
    const one = bucket('2001:db8:1:2::1');
    expect(one).toBe('2001:db8:1:2::/64');
    for (const address of [
      '2001:db8:1:2:ffff:ffff:ffff:ffff',
      '2001:0DB8:0001:0002:0000:0000:0000:0042',
      '2001:db8:1:2:a:b:1.2.3.4',
      '2001:db8:1:2::1%eth0',
    ]) {
      expect(bucket(address)).toBe(one);
    }
  });

  it('keeps different /64s apart', () => {
    expect(bucket('2001:db8:1:3::1')).not.toBe(bucket('2001:db8:1:2::1'));
    expect(bucket('2001:db8:0:0:1::1')).toBe(bucket('2001:db8::2'));
    expect(bucket('2001:db8:0:1::1')).not.toBe(bucket('2001:db8::1'));
  });
});
