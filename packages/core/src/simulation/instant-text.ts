const DAY = 86_400_000;
/** The last instant whose year has four digits (9999-12-31T23:59:59.999Z). */
const LAST = 253_402_300_799_999;

const two = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/**
 * A function writing an instant (ms) as `Date#toISOString` does (`YYYY-MM-DDTHH:mm:ss.sssZ`),
 * several times faster for instants that keep to a few days: the date part is made once per UTC day.
 * The simulation writes one instant per command.
 */
export function instantWriter(): (ms: number) => string {
  let day = Number.NaN;
  let prefix = '';
  return (ms) => {
    if (!(ms >= 0 && ms <= LAST) || !Number.isInteger(ms)) return new Date(ms).toISOString();
    const d = Math.floor(ms / DAY);
    if (d !== day) {
      day = d;
      prefix = new Date(d * DAY).toISOString().slice(0, 11);
    }
    let r = ms - d * DAY;
    const h = Math.floor(r / 3_600_000);
    r -= h * 3_600_000;
    const m = Math.floor(r / 60_000);
    r -= m * 60_000;
    const s = Math.floor(r / 1000);
    const milli = r - s * 1000;
    return `${prefix}${two(h)}:${two(m)}:${two(s)}.${milli < 10 ? '00' : milli < 100 ? '0' : ''}${milli}Z`;
  };
}
