import type { DossierContext } from '../model/dossier-context.js';

/** The dossier as a simulation sees it after a command. */
export interface SimulationView {
  readonly code: string;
  readonly state: string;
  readonly context: DossierContext;
}
