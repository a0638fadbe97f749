/**
 * A timestamp as botocore reads one from env or process output (dateutil's `parse`): ISO 8601
 * with `Z` or an offset, or the looser forms `Date.parse` accepts; a value without a zone is
 * local time, as dateutil leaves it naive and botocore compares it with local time. Returns
 * undefined for text that names no instant, so the caller can say which setting is at fault.
 */
export function parseTimestamp(value: string): Date | undefined {
  // An empty string parses to NaN: blank text needs no test of its own.
  const date = new Date(value.trim());
  return isNaN(+date) ? undefined : date;
}
