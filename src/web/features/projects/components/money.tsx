import { formatMoney } from '../../../../contract/money.ts';
import { useI18n } from '../../../i18n/use-i18n';

/** An amount in yuan, shown in 万元/亿元 through the one money helper. */
export function Money({ yuan }: { yuan: number | null | undefined }) {
  const { locale } = useI18n();
  return <span style={{ whiteSpace: 'nowrap' }}>{formatMoney(yuan, locale)}</span>;
}
