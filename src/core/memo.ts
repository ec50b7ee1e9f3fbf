/**
 * `compute(key)` once per object. For facts derived from a passage or a person: those objects
 * are replaced when the corpus is re-ingested, so their entries go with them.
 */
export function memoByObject<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) cache.set(key, (value = compute(key)));
    return value;
  };
}
