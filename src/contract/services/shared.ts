import { z } from 'zod';
import { isoDate, uuidSchema } from '../common.ts';

export const text = (max: number) => z.string().trim().max(max);
export const optionalText = (max: number) => text(max).nullable().optional();
export const optionalDate = isoDate.nullable().optional();
export const zoneQuery = z.object({ zoneId: uuidSchema.optional().describe('One zone; default every zone of the caller') });
export const yearSchema = z.coerce.number().int().min(2000).max(2100);
export const documentSchema = z.object({ name: text(200).min(1), note: optionalText(500).transform((v) => v ?? null) });
export const documentsSchema = z.array(documentSchema).max(50);
/** A filed document as answered (no input transforms: responses are encoded through it). */
export const documentOutSchema = z.object({ name: z.string(), note: z.string().nullable() });
