/**
 * How many levels of objects and arrays a request body or socket payload may nest. Hearth's deepest real
 * payload has four; class-transformer and class-validator recurse once per level, so a body nested thousands
 * deep would exhaust the stack ("Maximum call stack size exceeded") before any validator could refuse it.
 */
export const MAX_PAYLOAD_DEPTH = 32;

export const PAYLOAD_TOO_DEEP = `The request is nested more than ${MAX_PAYLOAD_DEPTH} levels deep`;

/**
 * Whether parsed data holds objects or arrays more than `limit` levels deep; walked without recursion. Only
 * plain objects and arrays count: that is all JSON makes, and the pipe also sees sockets and other instances.
 */
export function nestedDeeperThan(value: unknown, limit = MAX_PAYLOAD_DEPTH): boolean {
  const pending: { value: object; depth: number }[] = isPlainData(value) ? [{ value, depth: 1 }] : [];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (next.depth > limit) return true;
    for (const child of Object.values(next.value)) {
      if (isPlainData(child)) pending.push({ value: child, depth: next.depth + 1 });
    }
  }
  return false;
}

function isPlainData(value: unknown): value is object {
  if (Array.isArray(value)) return true;
  if (typeof value !== 'object' || value === null) return false;
  // An Object.prototype of any realm (Jest's sandbox and Node's core modules each have their own).
  const prototype = Object.getPrototypeOf(value) as object | null;
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}
