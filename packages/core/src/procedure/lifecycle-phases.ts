import type { DossierContext } from '../model/dossier-context.js';
import type { Step } from './definition-schema.js';
import type { LifecycleEnv } from './lifecycle-env.js';
import { financialObligationsMissing } from './lifecycle-payments.js';

/**
 * Why the hand-over from `from` (the open step, or none) into `to` may not happen yet: `to` opens a
 * phase whose gate (`phases[].startsAfter`) is not met. `null` when it may.
 */
export function phaseGateDenial(
  env: LifecycleEnv,
  ctx: DossierContext,
  from: Step | undefined,
  to: Step | undefined,
): string | null {
  if (!to || !env.def.phases) return null;
  const next = to.phase ?? 1;
  if (from && (from.phase ?? 1) === next) return null;
  const gate = env.def.phases.find((p) => p.phase === next);
  if (!gate) return null;
  const label = gate.name ?? `phase ${next}`;
  if (gate.startsAfter === 'complete-file') {
    const satisfied = new Set((ctx.components ?? []).filter((c) => c.satisfied).map((c) => c.documentId));
    const missing = env.def.documents.filter((d) => d.required && !satisfied.has(d.id));
    if (missing.length > 0) {
      return `${label} starts once the file is complete: ${missing.map((d) => d.id).join(', ')} not recorded as satisfied`;
    }
    return null;
  }
  return paymentGate(env, ctx, label);
}

/** The payment gate: see {@link phaseGateDenial}. */
function paymentGate(env: LifecycleEnv, ctx: DossierContext, label: string): string | null {
  const missing = financialObligationsMissing(env.def, ctx);
  return missing ? `${label} starts once the financial obligations are paid: ${missing}` : null;
}
