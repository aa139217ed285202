import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

type Value = string | number | undefined;

/**
 * A list's filters, sort and page kept in the address (?q=…&sort=…&page=2): a reload, the back
 * button and a link sent to a colleague all show the same list. Values equal to their default stay
 * out of the address; a number default makes the value a number. Changing anything but the page
 * goes back to page 1.
 */
export function useUrlParams<T extends Record<string, Value>>(defaults: T): [T, (patch: Partial<T>) => void] {
  const [search, setSearch] = useSearchParams();
  const params = useMemo(() => {
    const out: Record<string, Value> = { ...defaults };
    for (const key of Object.keys(defaults)) {
      const raw = search.get(key);
      if (raw === null || raw === '') continue;
      if (typeof defaults[key] === 'number') {
        const n = Number(raw);
        if (Number.isFinite(n)) out[key] = n;
      } else out[key] = raw;
    }
    return out as T;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [search]);
  const update = useCallback(
    (patch: Partial<T>) => {
      setSearch(
        (current) => {
          const next = new URLSearchParams(current);
          const resetsPage = Object.keys(patch).some((k) => k !== 'page' && k !== 'pageSize') && 'page' in defaults && !('page' in patch);
          for (const [key, value] of Object.entries({ ...patch, ...(resetsPage ? { page: defaults.page } : {}) })) {
            if (value === undefined || value === '' || value === defaults[key]) next.delete(key);
            else next.set(key, String(value));
          }
          return next;
        },
        { replace: true },
      );
    },
    [setSearch, defaults],
  );
  return [params, update];
}
