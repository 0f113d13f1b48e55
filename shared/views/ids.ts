// Ids for records the views' commands create: PREFIX000123, one past the highest in use (the same
// scheme records.put uses, so ids from either path never collide).
export function nextId(existing: Iterable<string>, prefix: string, width = 6): string {
  const pattern = new RegExp(`^${prefix}(\\d+)$`);
  let max = 0;
  for (const id of existing) {
    const m = pattern.exec(id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return prefix + String(max + 1).padStart(width, '0');
}
