import type { AssessmentGrade } from '../../../../contract/statistics-indicators.ts';

/** The tag colour of each 考核 grade. */
export const gradeColor: Record<AssessmentGrade, string> = { excellent: 'green', good: 'blue', pass: 'cyan', basic_pass: 'orange', fail: 'red' };
