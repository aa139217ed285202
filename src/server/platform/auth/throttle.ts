/**
 * Guessing protection for passwords (sign-in and the current-password check), kept in the one
 * server process's memory (one process per database, docs/operations.md).
 *
 * - Per account and address: `maxFailures` wrong passwords for a name from one address lock that
 *   pair for `lockMinutes`. Another address (the real user at their desk) is not affected.
 * - Per account, over all addresses: past `maxFailures` failures, an address that never signed in to
 *   this account must wait before each further attempt, 1 s doubling per failure up to
 *   `lockMinutes`: a botnet rotating addresses gets a guess per delay, while the user, from an
 *   address they signed in from before, is never made to wait by someone else's guesses.
 * - Names are keys whether or not an account has them, so refusals never tell which names exist.
 * - Memory is bounded: the oldest entries are dropped past `maxEntries`.
 */
import type { Clock } from '../clock.ts';

export interface ThrottlePolicy {
  maxFailures: number;
  lockMinutes: number;
  maxEntries?: number;
}

interface Counter {
  failures: number;
  lastFailure: number;
}

export type ThrottleRefusal = { scope: 'address' | 'account'; retryAfterSeconds: number };

/** Addresses an account signed in from are remembered this long. */
const KNOWN_ADDRESS_MS = 30 * 86_400_000;
const KNOWN_ADDRESSES_PER_ACCOUNT = 20;

/** A bounded map where a touched key becomes the newest. */
class Lru<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max: number) {}
  get(key: string): V | undefined {
    return this.map.get(key);
  }
  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value as string);
  }
  delete(key: string): void {
    this.map.delete(key);
  }
  get size() {
    return this.map.size;
  }
}

export function createThrottle(policy: ThrottlePolicy, clock: Clock) {
  const max = policy.maxEntries ?? 50_000;
  const lockMs = policy.lockMinutes * 60_000;
  const pairs = new Lru<Counter>(max);
  const accounts = new Lru<Counter>(max);
  const known = new Lru<Map<string, number>>(max);
  const norm = (name: string) => name.trim().toLowerCase();
  const pairKey = (name: string, address: string) => `${norm(name)}\u0000${address}`;

  /** The account-wide wait after `failures` failures: 0 up to maxFailures, then 1 s, 2 s, 4 s … up to lockMinutes. */
  const accountDelay = (failures: number) => (failures < policy.maxFailures ? 0 : Math.min(1000 * 2 ** (failures - policy.maxFailures), lockMs));

  function isKnown(name: string, address: string, now: number) {
    const at = known.get(norm(name))?.get(address);
    return at !== undefined && now - at < KNOWN_ADDRESS_MS;
  }

  return {
    /** Whether an attempt for `name` from `address` may be checked now; a refusal says how long to wait. */
    check(name: string, address: string): ThrottleRefusal | null {
      const now = clock().getTime();
      const pair = pairs.get(pairKey(name, address));
      if (pair && now - pair.lastFailure >= lockMs) pairs.delete(pairKey(name, address));
      else if (pair && pair.failures >= policy.maxFailures)
        return { scope: 'address', retryAfterSeconds: Math.ceil((pair.lastFailure + lockMs - now) / 1000) };
      const account = accounts.get(norm(name));
      if (account && now - account.lastFailure >= lockMs * 4) accounts.delete(norm(name));
      else if (account && !isKnown(name, address, now)) {
        const wait = account.lastFailure + accountDelay(account.failures) - now;
        if (wait > 0) return { scope: 'account', retryAfterSeconds: Math.ceil(wait / 1000) };
      }
      return null;
    },

    /** A wrong password: counts for the pair and the account. `startedDelay`: this failure began the account-wide delay (alert once). */
    fail(name: string, address: string): { pairLocked: boolean; startedDelay: boolean } {
      const now = clock().getTime();
      const pk = pairKey(name, address);
      const pair = pairs.get(pk) ?? { failures: 0, lastFailure: now };
      pairs.set(pk, { failures: pair.failures + 1, lastFailure: now });
      const account = accounts.get(norm(name)) ?? { failures: 0, lastFailure: now };
      accounts.set(norm(name), { failures: account.failures + 1, lastFailure: now });
      return { pairLocked: pair.failures + 1 >= policy.maxFailures, startedDelay: account.failures + 1 === policy.maxFailures };
    },

    /** The right password: the counters start again and the address becomes one of the account's own. */
    succeed(name: string, address: string): void {
      const now = clock().getTime();
      pairs.delete(pairKey(name, address));
      accounts.delete(norm(name));
      const addresses = known.get(norm(name)) ?? new Map<string, number>();
      addresses.delete(address);
      addresses.set(address, now);
      if (addresses.size > KNOWN_ADDRESSES_PER_ACCOUNT) addresses.delete(addresses.keys().next().value as string);
      known.set(norm(name), addresses);
    },

    /** Entries held (for the bound's test). */
    size: () => pairs.size + accounts.size + known.size,
  };
}

export type Throttle = ReturnType<typeof createThrottle>;
