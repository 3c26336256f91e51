// content/courses/<id>.yaml: a professional certificate that articles lead to.
import { z } from 'astro/zod';
import { httpsUrl, idOf, strictFields, text } from './fields.ts';

export const courseSchema = strictFields({
  /** The course's full name, used in "Enrol now in the <name>". */
  name: text('name', { max: 120 }).meta({ title: 'Name', description: 'The full name, used in “Enrol now in the …”.' }),
  /** A shorter name for small labels such as article cards; the full name when absent. */
  shortName: text('shortName', { max: 60 })
    .meta({ title: 'Short name', description: 'Optional: a shorter name for small labels such as article cards.' })
    .optional(),
  /** One line on what the course is, shown under the call-to-action heading. */
  pitch: text('pitch', { min: 20, max: 200 }).meta({
    title: 'Pitch',
    description: 'One line on what the course is, shown under the call-to-action heading.',
  }),
  /** A heading for the call to action that speaks to this course's reader, not a generic one. */
  ctaHeading: text('ctaHeading', { max: 80 }).meta({
    title: 'Call-to-action heading',
    description: 'A heading that speaks to this course’s reader, not a generic one.',
  }),
  /** What the course helps you do; each item completes "This course helps you to …". */
  benefits: z
    .array(text('benefit', { max: 120 }).meta({ title: 'Benefit' }), {
      error: 'benefits must be a list of short phrases',
    })
    .min(1, { error: 'benefits is empty (list at least one thing the course helps you do)' })
    .max(6, { error: 'benefits: keep the list to 6 items or fewer' })
    .meta({ title: 'Benefits', description: '1 to 6 short phrases, each completing “This course helps you to …”.' }),
  /** The enrolment page; must be https. */
  enrolUrl: httpsUrl('enrolUrl').meta({
    title: 'Enrolment page',
    description: 'The address of the course’s enrolment page, starting with https://',
  }),
  /** Id of a file in content/publishers/ (whose name signs the disclaimer). */
  publisher: idOf('publisher', 'publishers').meta({
    title: 'Publisher',
    description: 'The organisation that runs the course and signs the disclaimer.',
  }),
});

export type CourseData = z.output<typeof courseSchema>;
