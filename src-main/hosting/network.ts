import type { NetworkInterfaceInfo } from 'node:os';
import type { NetworkInterfaceOption } from '../../shared/ipc/contract';

/**
 * The addresses a workshop can be hosted on, from `os.networkInterfaces()`: LAN addresses
 * first (what participants on other computers need), loopback last (this computer only).
 * IPv6 link-local addresses are left out: they need a zone id that browsers do not accept
 * in URLs.
 */
export function listHostingInterfaces(
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>,
): NetworkInterfaceOption[] {
  const options: NetworkInterfaceOption[] = [];
  for (const [name, addresses] of Object.entries(interfaces)) {
    for (const info of addresses ?? []) {
      if (info.family === 'IPv6' && /^fe[89ab]/i.test(info.address)) continue;
      options.push({
        id: `${name}/${info.address}`,
        name,
        address: info.address,
        family: info.family,
        internal: info.internal,
      });
    }
  }
  const rank = (option: NetworkInterfaceOption) =>
    (option.internal ? 2 : 0) + (option.family === 'IPv6' ? 1 : 0);
  return options.sort((a, b) => rank(a) - rank(b));
}

/** `host` as it goes into a URL: IPv6 addresses in brackets. */
export function urlHost(address: string): string {
  return address.includes(':') ? `[${address}]` : address;
}
