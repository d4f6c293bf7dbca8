import { z } from 'zod';
import type { SignUpDetails } from '../domain/index.js';
import { MENTOR_ROLES } from '../domain/index.js';
import { boundedText, parseWith, toggle, type ParseResult } from '../../platform/app/text-input.js';

const signUpSchema = z
  .object({
    role: z.enum(MENTOR_ROLES, { errorMap: () => ({ message: 'Please choose whether you are a senior manager or an elected member.' }) }),
    directorateOrWard: boundedText('Directorate or ward', 100),
    jobTitle: boundedText('Job title', 100),
    worksInChildrensServices: toggle("Working in Children's Services"),
    motivation: boundedText('Why you want to mentor', 1000),
    declarationOfInterests: z.string().optional(),
    consent: toggle('Consent'),
    commitment: toggle('The time commitment'),
  })
  .refine((form) => form.consent, { message: 'Please consent to the scheme using your details.' })
  .refine((form) => form.commitment, { message: 'Please confirm you can give the time the scheme asks for.' });

const declarationSchema = boundedText('Declaration of interests', 2000);

export function parseSignUp(input: unknown): ParseResult<SignUpDetails> {
  const form = parseWith(signUpSchema, input);
  if (!form.ok) return form;
  const { role, directorateOrWard, jobTitle, worksInChildrensServices, motivation } = form.value;
  const details: SignUpDetails = { role, directorateOrWard, jobTitle, worksInChildrensServices, motivation };
  const declaration = form.value.declarationOfInterests;
  if (role !== 'electedMember' && !declaration?.trim()) return { ok: true, value: details };
  const parsedDeclaration = parseWith(declarationSchema, declaration ?? '');
  if (!parsedDeclaration.ok) return parsedDeclaration;
  return { ok: true, value: { ...details, declarationOfInterests: parsedDeclaration.value } };
}
