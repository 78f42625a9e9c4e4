import type { Lang } from '@satlab/format';

/** The renderers' own words (section headings), English and French side by side. */
export const RENDER_WORDS: Record<Lang, { reading: string; notes: string; warnings: string; total: string }> = {
  en: { reading: 'Reading', notes: 'Notes', warnings: 'Warnings', total: 'Total' },
  fr: { reading: 'Lecture', notes: 'Notes', warnings: 'Avertissements', total: 'Total' },
};
