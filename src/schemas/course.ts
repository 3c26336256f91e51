// content/courses/<id>.yaml: a professional certificate that articles lead to.
import { z } from 'astro/zod';
import { httpsUrl, idOf, strictFields, text } from './fields.ts';

export const courseSchema = strictFields({
  /** The course's full name, used in "Enrol now in the <name>". */
  name: text('name', { max: 120 }),
  /** A shorter name for small labels such as article cards; the full name when absent. */
  shortName: text('shortName', { max: 60 }).optional(),
  /** One line on what the course is, shown under the call-to-action heading. */
  pitch: text('pitch', { min: 20, max: 200 }),
  /** A heading for the call to action that speaks to this course's reader, not a generic one. */
  ctaHeading: text('ctaHeading', { max: 80 }),
  /** What the course helps you do; each item completes "This course helps you to …". */
  benefits: z
    .array(text('benefit', { max: 120 }), { error: 'benefits must be a list of short phrases' })
    .min(1, { error: 'benefits is empty (list at least one thing the course helps you do)' })
    .max(6, { error: 'benefits: keep the list to 6 items or fewer' }),
  /** The enrolment page; must be https. */
  enrolUrl: httpsUrl('enrolUrl'),
  /** Id of a file in content/publishers/ (whose name signs the disclaimer). */
  publisher: idOf('publisher', 'publishers'),
});

export type CourseData = z.output<typeof courseSchema>;
