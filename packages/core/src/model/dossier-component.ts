import { z } from 'zod';
import { ActorSchema, InstantSchema } from './actor.js';

/**
 * How a dossier component (thành phần hồ sơ) was satisfied (Decree 107/2021/NĐ-CP, Circular
 * 01/2023/TT-VPCP, Resolution 66.7/2025/NQ-CP):
 * - `paper`: the applicant gave the paper (and it may have been digitised: `digitised`);
 * - `reused`: an earlier result or digitised paper was reused instead (`reusedFrom` says which);
 * - `national-store`: taken from the citizen's national document store (kho dữ liệu điện tử);
 * - `database`: looked up in a national or sector database (`database` says which, and the answer).
 */
export const ComponentSourceSchema = z.enum(['paper', 'reused', 'national-store', 'database']);
/** See {@link ComponentSourceSchema}. */
export type ComponentSource = z.infer<typeof ComponentSourceSchema>;

/** What one recording of a component says, as sent in a `RECORD_COMPONENTS` event. */
export const ComponentEntrySchema = z
  .object({
    /** The id of the document in the procedure's `documents`. */
    documentId: z.string().min(1).max(64),
    source: ComponentSourceSchema,
    /** The component was scanned into electronic form (số hóa). */
    digitised: z.boolean().default(false),
    /** The electronic file: where it is kept and its SHA-256. */
    file: z
      .object({
        uri: z.string().min(1).max(2000),
        sha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lowercase hexadecimal digits'),
      })
      .strict()
      .optional(),
    /** For `reused`: the earlier result or digitised paper (its code, number, the dossier it came from). */
    reusedFrom: z
      .object({
        resultCode: z.string().min(1).max(64).optional(),
        documentNumber: z.string().min(1).max(64).optional(),
        dossierCode: z.string().min(1).max(64).optional(),
      })
      .strict()
      .optional(),
    /** For `national-store`: the document's id in the citizen's national store. */
    nationalStoreId: z.string().min(1).max(128).optional(),
    /**
     * For `database`: which database (its national code, mã CSDL, e.g. the population database)
     * and what the lookup answered. `not-found` or `unavailable` leaves the paper to be asked for.
     */
    database: z
      .object({
        code: z.string().min(1).max(64),
        name: z.string().min(1).max(200).optional(),
        answer: z.enum(['found', 'not-found', 'unavailable']),
      })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    const need = (key: 'reusedFrom' | 'nationalStoreId' | 'database', source: ComponentSource) => {
      if (c.source === source && c[key] === undefined) {
        ctx.addIssue({ code: 'custom', path: [key], message: `required when source is ${source}` });
      }
      if (c.source !== source && c[key] !== undefined) {
        ctx.addIssue({ code: 'custom', path: [key], message: `only when source is ${source}` });
      }
    };
    need('reusedFrom', 'reused');
    need('nationalStoreId', 'national-store');
    need('database', 'database');
  });
/** See {@link ComponentEntrySchema}. */
export type ComponentEntry = z.output<typeof ComponentEntrySchema>;

/**
 * A component as the dossier keeps it: the last recording of each document, whether it is
 * satisfied (a database lookup that found nothing leaves it to the paper), who recorded it and
 * when.
 */
export const ComponentRecordSchema = z
  .object({
    documentId: z.string().min(1),
    source: ComponentSourceSchema,
    digitised: z.boolean(),
    file: z.object({ uri: z.string(), sha256: z.string() }).strict().optional(),
    reusedFrom: z
      .object({
        resultCode: z.string().optional(),
        documentNumber: z.string().optional(),
        dossierCode: z.string().optional(),
      })
      .strict()
      .optional(),
    nationalStoreId: z.string().optional(),
    database: z
      .object({
        code: z.string(),
        name: z.string().optional(),
        answer: z.enum(['found', 'not-found', 'unavailable']),
      })
      .strict()
      .optional(),
    /** False when a database lookup did not answer with the data: the paper is to be asked for. */
    satisfied: z.boolean(),
    recordedBy: ActorSchema,
    recordedAt: InstantSchema,
  })
  .strict();
/** See {@link ComponentRecordSchema}. */
export type ComponentRecord = z.output<typeof ComponentRecordSchema>;
