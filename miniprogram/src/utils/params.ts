/** Reads a page parameter that may arrive percent-encoded (weapp) or decoded (H5). */
export function decodeParam(value: string | undefined): string {
  if (!value) return '';
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
