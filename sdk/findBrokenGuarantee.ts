/**
 * Where an answer has null for a relationship the data guarantees (see sdk/generated/
 * guaranteedPaths.ts): the first such place as "tie.legs[1].homeClub", or null when there is none.
 * A path goes through lists element by element; a key an object lacks (another member of a
 * union, a field the server left out) is not a broken guarantee.
 */
export function findBrokenGuarantee(data: unknown, paths: readonly string[]): string | null {
  for (const path of paths) {
    const found = nullAlong(data, path.split("."), "");
    if (found !== null) return found;
  }
  return null;
}

function nullAlong(value: unknown, keys: string[], at: string): string | null {
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = nullAlong(item, keys, `${at}[${index}]`);
      if (found !== null) return found;
    }
    return null;
  }
  if (value === null || typeof value !== "object") return null;
  const [key, ...rest] = keys;
  if (key === undefined || !(key in value)) return null;
  const next = (value as Record<string, unknown>)[key];
  const where = at ? `${at}.${key}` : key;
  if (next === null) return rest.length === 0 ? where : null;
  return rest.length === 0 ? null : nullAlong(next, rest, where);
}
