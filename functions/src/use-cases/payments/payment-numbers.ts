/** WeChat's order and refund numbers are our UUIDs without dashes (32 characters of hex). */
export function compactId(id: string): string {
  return id.replace(/-/g, '');
}

/** The UUID behind an order or refund number, or undefined when it is not one of ours. */
export function expandId(no: string): string | undefined {
  if (!/^[0-9a-f]{32}$/.test(no)) return undefined;
  return `${no.slice(0, 8)}-${no.slice(8, 12)}-${no.slice(12, 16)}-${no.slice(16, 20)}-${no.slice(20)}`;
}
