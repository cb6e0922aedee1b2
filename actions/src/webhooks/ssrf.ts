import { lookup as dnsLookup } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/** Addresses a webhook must never reach unless configuration allows it (SSRF). */
const blocked = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24],
  ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) blocked.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128], ['::1', 128], ['64:ff9b::', 96], ['100::', 64], ['2001:db8::', 32],
  ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8],
] as const) blocked.addSubnet(network, prefix, 'ipv6');

export class BlockedTargetError extends Error {
  override name = 'BlockedTargetError';
  readonly code = 'webhook_target_blocked';
}

/** True for private, loopback, link-local, unspecified, multicast, documentation and mapped addresses. */
export function isBlockedAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  if (family === 6 && address.toLowerCase().startsWith('::ffff:')) {
    // IPv4-mapped (::ffff:127.0.0.1): judge the IPv4 address it carries (BlockList would match any
    // IPv4 address against an ::ffff:0:0/96 rule, so mapped addresses are unwrapped here instead).
    const v4 = address.slice(7);
    return isIP(v4) === 4 ? blocked.check(v4, 'ipv4') : true;
  }
  return blocked.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** Checks a URL before anything is sent: http(s) only, no credentials, no literal blocked address. */
export function assertAllowedUrl(raw: string, allowPrivate: boolean): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new BlockedTargetError('The webhook URL is not a valid URL.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new BlockedTargetError('Webhook URLs must use http or https.');
  if (url.username || url.password) throw new BlockedTargetError('Webhook URLs must not carry credentials.');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivate && isIP(host) !== 0 && isBlockedAddress(host)) {
    throw new BlockedTargetError(`The webhook target ${host} is a private, loopback or link-local address.`);
  }
  return url;
}

/**
 * A `lookup` for http.request that refuses blocked addresses after resolving the name, so the
 * address checked is the address connected to (no DNS-rebinding window between check and connect).
 */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 4);
      const list = addresses as unknown as { address: string; family: number }[];
      const bad = list.find((entry) => isBlockedAddress(entry.address));
      if (!allowPrivate && bad) {
        return callback(new BlockedTargetError(`The webhook target ${hostname} resolves to a private, loopback or link-local address.`), '', 4);
      }
      if (options.all) return callback(null, list as never);
      const first = list[0];
      if (!first) return callback(new Error(`no address for ${hostname}`), '', 4);
      return callback(null, first.address, first.family);
    });
  };
}
