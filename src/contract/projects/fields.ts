/** Small field builders the projects schemas share. */
import { z } from 'zod';

export const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
export const optionalNumber = (max: number) => z.number().min(0).max(max).nullable().optional();
export const percent = z.number().min(0, 'percent_range').max(100, 'percent_range');
export const year = z.number().int().min(2000).max(2100);

/** A person a project names (leader, officer, agent), or none. */
export const person = z.object({ id: z.string(), name: z.string() }).nullable();
