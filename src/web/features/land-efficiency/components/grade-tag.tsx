import { Tag } from 'antd';
import { gradeLabels, type Grade } from '../../../../contract/land-efficiency.ts';
import { useI18n } from '../../../i18n/use-i18n';

export const gradeColours: Record<Grade, string> = { A: 'green', B: 'blue', C: 'orange', D: 'red' };

/** A class as a coloured tag; null reads 数据不全. */
export function GradeTag({ grade, short }: { grade: Grade | null; short?: boolean }) {
  const { locale } = useI18n();
  const lang = locale === 'en-US' ? 1 : 0;
  if (!grade) return <Tag data-testid="grade-tag">{gradeLabels.incomplete[lang]}</Tag>;
  return (
    <Tag color={gradeColours[grade]} data-testid="grade-tag">
      {short ? grade : gradeLabels[grade][lang]}
    </Tag>
  );
}
