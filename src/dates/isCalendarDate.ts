/**
 * True when "YYYY-MM-DD" names a day of the calendar. `Date.parse` and Neo4j's `date()` differ on
 * "2018-02-30" (the first rolls it over to 2 March, the second fails inside the write), so every
 * input format checks dates with this at parse time, where the record and field can be named.
 */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
