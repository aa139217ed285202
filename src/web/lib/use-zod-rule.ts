import { useCallback } from 'react';
import type { FormRule } from 'antd';
import type { z } from 'zod';
import { useI18n } from '../i18n/use-i18n';
import { reasonText } from '../../contract/reasons.ts';

/**
 * Validates an antd form field with the contract's own zod schema, so the browser rejects what the
 * server would. The contract's custom messages (e.g. 'min8', 'username') are catalog keys under
 * `validation.`; zod's built-in issues map to generic messages.
 */
export function useZodRule() {
  const { t, tryT, locale } = useI18n();
  return useCallback(
    (schema: z.ZodType): FormRule => ({
      validator: async (_rule, value) => {
        if (value === undefined || value === null || value === '') return;
        const result = schema.safeParse(value);
        if (result.success) return;
        const issue = result.error.issues[0];
        const custom = tryT(`validation.${issue.message}`);
        if (custom) throw new Error(custom);
        // The contract's keyed reasons (password_common, date_out_of_range …), as the server words them.
        const shared = reasonText(issue.message, locale);
        if (shared) throw new Error(shared);
        if (issue.code === 'too_small') throw new Error(t('validation.tooShort', { min: Number(issue.minimum) }));
        if (issue.code === 'too_big') throw new Error(t('validation.tooLong', { max: Number(issue.maximum) }));
        throw new Error(t('validation.invalid'));
      },
    }),
    [t, tryT, locale],
  );
}
