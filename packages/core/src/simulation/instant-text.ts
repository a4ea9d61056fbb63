const DAY = 86_400_000;
/** The last instant whose year has four digits (9999-12-31T23:59:59.999Z). */
const LAST = 253_402_300_799_999;
const ZERO = 48;

/**
 * A function writing an instant (ms) as `Date#toISOString` does (`YYYY-MM-DDTHH:mm:ss.sssZ`),
 * several times faster for instants that keep to a few days: the date part is read once per UTC
 * day, the rest written as character codes into one flat string (no pieces joined, little garbage).
 * The simulation writes one instant per command.
 */
export function instantWriter(): (ms: number) => string {
  let day = Number.NaN;
  let date: number[] = [];
  return (ms) => {
    if (!(ms >= 0 && ms <= LAST) || !Number.isInteger(ms)) return new Date(ms).toISOString();
    const d = Math.floor(ms / DAY);
    if (d !== day) {
      day = d;
      const text = new Date(d * DAY).toISOString();
      date = Array.from({ length: 11 }, (_, i) => text.charCodeAt(i)); // 'YYYY-MM-DDT'
    }
    let r = ms - d * DAY;
    const h = Math.floor(r / 3_600_000);
    r -= h * 3_600_000;
    const m = Math.floor(r / 60_000);
    r -= m * 60_000;
    const s = Math.floor(r / 1000);
    const milli = r - s * 1000;
    const c = date;
    return String.fromCharCode(
      c[0]!,
      c[1]!,
      c[2]!,
      c[3]!,
      c[4]!,
      c[5]!,
      c[6]!,
      c[7]!,
      c[8]!,
      c[9]!,
      c[10]!,
      ZERO + Math.floor(h / 10),
      ZERO + (h % 10),
      58, // ':'
      ZERO + Math.floor(m / 10),
      ZERO + (m % 10),
      58,
      ZERO + Math.floor(s / 10),
      ZERO + (s % 10),
      46, // '.'
      ZERO + Math.floor(milli / 100),
      ZERO + (Math.floor(milli / 10) % 10),
      ZERO + (milli % 10),
      90, // 'Z'
    );
  };
}
