/**
 * Adaptive Card inputs arrive flat and as strings (a multi-select is "a,b", a number "17", a toggle "true"); the domain
 * parsers read nested objects of lists, numbers and booleans. These turn one into the other and nothing more: values
 * that are not what they should be pass through unchanged, so the domain names the problem.
 */
export function listValue(value: unknown): unknown {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value;
  if (typeof value !== 'string') return value;
  return value.split(',').map((item) => item.trim()).filter(Boolean);
}

export function numberValue(value: unknown): unknown {
  if (typeof value === 'string' && /^\s*-?\d{1,6}\s*$/.test(value)) return Number(value);
  if (value === '') return undefined;
  return value;
}

export function booleanValue(value: unknown): unknown {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return value;
}

function record(input: unknown): Record<string, unknown> {
  return typeof input === 'object' && input !== null && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
}

/** The profile card's inputs as `parseMentorProfile` reads them. */
export function profileInput(input: unknown): unknown {
  const data = record(input);
  return {
    aboutMe: data.aboutMe,
    penPicture: { experience: data.experience, interests: listValue(data.interests), expertise: listValue(data.expertise) },
    needs: {
      gender: data.gender,
      ageBand: data.ageBand,
      menteeAges: { min: numberValue(data.menteeAgeMin), max: numberValue(data.menteeAgeMax) },
      availability: listValue(data.availability),
      meetingModes: listValue(data.meetingModes),
      venues: listValue(data.venues),
      areas: listValue(data.areas),
      travelMiles: numberValue(data.travelMiles),
    },
  };
}

function preference(data: Record<string, unknown>, name: string): Record<string, unknown> {
  const required = booleanValue(data[`${name}Required`]);
  return { values: listValue(data[name]), ...(required === undefined ? {} : { required }) };
}

/** The young person card's inputs as `parseYoungPersonDetails` reads them. */
export function youngPersonInput(input: unknown): unknown {
  const data = record(input);
  return {
    reference: data.reference,
    firstName: data.firstName,
    dateOfBirth: data.dateOfBirth,
    gender: data.gender,
    homeArea: data.homeArea,
    interests: listValue(data.interests),
    eetGoals: listValue(data.eetGoals),
    eetNote: data.eetNote,
    availability: listValue(data.availability),
    preferences: {
      mentorGender: preference(data, 'prefMentorGender'),
      mentorAgeBand: preference(data, 'prefMentorAgeBand'),
      meetingMode: preference(data, 'prefMeetingMode'),
      area: preference(data, 'prefArea'),
    },
    keyAdult: { role: data.keyAdultRole, name: data.keyAdultName, contact: data.keyAdultContact },
  };
}

/** The DBS card's inputs as `parseDbsRecord` reads them. */
export function dbsInput(input: unknown): unknown {
  const data = record(input);
  return { checkedOn: data.checkedOn, certificateReference: data.certificateReference, updateService: booleanValue(data.updateService) };
}

/** An id carried on a card button: short, plain text, or nothing. */
export function idFrom(input: unknown, field: string): string | undefined {
  const value = record(input)[field];
  return typeof value === 'string' && value.length > 0 && value.length <= 200 && !/[\u0000-\u001f]/.test(value) ? value : undefined;
}
