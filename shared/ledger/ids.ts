// Ids for records created without one: prefix + zero-padded number one above the highest in use
// (U0001, C00001, M000123…). Ids typed by the office in other shapes are left alone. The services
// and the views' commands share it, so ids from either path never collide.
export function nextSequentialId(existing: Iterable<string>, prefix: string, width = 6): string {
  const pattern = new RegExp(`^${prefix}(\\d+)$`);
  let max = 0;
  for (const id of existing) {
    const m = pattern.exec(id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return prefix + String(max + 1).padStart(width, '0');
}
