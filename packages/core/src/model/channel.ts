import { z } from 'zod';

/**
 * The rules a procedure version follows.
 * - `'2018'`: Decree 61/2018/NĐ-CP + Circular 01/2018/TT-VPCP (forms 01–06, control slip = 05).
 * - `'2025'`: Decree 118/2025/NĐ-CP + Circular 03/2025/TT-VPCP (forms 01–07, stop notice = 05,
 *   control slip = 06, tracking book = 07).
 */
export const RegimeSchema = z.enum(['2018', '2025']);
/** See {@link RegimeSchema}. */
export type Regime = z.infer<typeof RegimeSchema>;

/** How a dossier reaches the desk (Decree 61 art. 16; Decision 45/2016 for the postal service). */
export const ChannelSchema = z.enum(['in-person', 'postal', 'online-full', 'online-partial']);
/** See {@link ChannelSchema}. */
export type Channel = z.infer<typeof ChannelSchema>;
