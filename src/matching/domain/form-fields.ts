import { AVAILABILITY, DEFAULT_AREAS, SCHEME_MAX_AGE, SCHEME_MIN_AGE, type Availability } from './vocabulary.js';
import type { FieldReader } from './field-reader.js';

/** A form's list of areas: a council passes its own where records are parsed, else the borough's default list. */
export interface AreaOptions {
  readonly areas?: readonly string[];
}

export function areasOf(options: AreaOptions): readonly string[] {
  return options.areas ?? DEFAULT_AREAS;
}

/** When someone can meet, read alike on a mentor's profile and a young person's record: at least one. */
export function readAvailability(form: FieldReader): readonly Availability[] {
  return form.listOf('availability', 'availability', AVAILABILITY, { min: 1, max: AVAILABILITY.length });
}

/** Whether an age is within the scheme's 16 to 25. */
export function isSchemeAge(age: number): boolean {
  return age >= SCHEME_MIN_AGE && age <= SCHEME_MAX_AGE;
}

/** An age typed on a form, refused unless it is within the scheme's 16 to 25. */
export function readSchemeAge(form: FieldReader, field: string, label: string): number {
  return form.integer(field, label, SCHEME_MIN_AGE, SCHEME_MAX_AGE);
}
