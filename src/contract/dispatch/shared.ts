import { z } from 'zod';

export const text = (max: number) => z.string().trim().max(max);
export const optionalText = (max: number) => text(max).nullable().optional();
export const tags = ['dispatch'] as const;
