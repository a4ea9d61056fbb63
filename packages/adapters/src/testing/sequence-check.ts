/** Checks dossier numbers against the daily sequences (test helper). */

/** Codes whose sequence number was never handed out by `sequences`, or that repeat one. */
export function sequenceProblems(
  codes: readonly string[],
  sequences: readonly { agency: string; date: string; value: number }[],
): string[] {
  const issued = new Map(sequences.map((s) => [`${s.agency}|${s.date}`, s.value]));
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const code of codes) {
    const m = /^(.+)-(\d{2})(\d{2})(\d{2})-(\d+)$/.exec(code);
    if (!m) {
      problems.push(`${code}: not a dossier code`);
      continue;
    }
    const key = `${m[1]}|20${m[2]}-${m[3]}-${m[4]}`;
    const n = Number(m[5]);
    if (seen.has(`${key}|${n}`)) problems.push(`${code}: number used twice`);
    seen.add(`${key}|${n}`);
    if (!(n <= (issued.get(key) ?? 0)))
      problems.push(`${code}: number ${n} beyond the sequence ${issued.get(key)}`);
  }
  return problems;
}
