import { personal } from '@motcua/core';
import { z } from 'zod';

/*
 * Building blocks of the application schemas. Each call returns a new schema, tagged as personal
 * data where it identifies a person (Decree 13/2023, Law 91/2025), so logs, errors and lookups
 * mask it.
 */

/** A person's full name (họ, chữ đệm và tên). */
export const nameField = () => personal(z.string().trim().min(2).max(100), 'name');

/** Personal ID number (số định danh cá nhân), 12 digits. */
export const idNumberField = () => personal(z.string().regex(/^\d{12}$/, 'expected 12 digits'), 'id-number');

/** A date of birth, `'YYYY-MM-DD'`. */
export const birthDateField = () => personal(z.iso.date(), 'other');

/** A postal address or a place (of residence, of birth). */
export const addressField = () => personal(z.string().trim().min(5).max(300), 'address');

/** A calendar date, `'YYYY-MM-DD'` (not personal on its own). */
export const localDateField = () => z.iso.date();

/** Sex as written in civil-status records. */
export const sexField = () => z.enum(['male', 'female']);
