import { z } from 'zod';
import { label } from './labels.ts';

export const thingSchema = z.object({ name: z.string().describe(label) });
