/** A trip's results as zones report them: 对接N家，签订框架协议N家，签订投资协议N家，达成意向N家 (kinds with none left out). */
import type { z } from 'zod';
import type { tripResultsSchema } from '../../../../contract/leads.ts';
import type { Translate } from '../../../i18n/i18n-context';

export function tripResultsText(t: Translate, r: z.infer<typeof tripResultsSchema>): string {
  const byKind = [
    ['trips.frameworkEnterprises', r.frameworkEnterprises],
    ['trips.investmentEnterprises', r.investmentEnterprises],
    ['trips.intentEnterprises', r.intentEnterprises],
  ] as const;
  return [t('trips.enterprisesMet', { n: r.enterprisesMet }), ...byKind.filter(([, n]) => n > 0).map(([key, n]) => t(key, { n }))].join('，');
}
