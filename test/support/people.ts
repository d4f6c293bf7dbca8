/** The test cast: Entra object ids and names, mirroring the roles in the scheme. */
export interface TestPerson {
  readonly id: string;
  readonly name: string;
}

export const ALEX: TestPerson = { id: '11111111-1111-4111-8111-111111111111', name: 'Alex Wilber' }; // senior manager
export const MEGAN: TestPerson = { id: '22222222-2222-4222-8222-222222222222', name: 'Megan Bowen' }; // Alex's line manager
export const ADELE: TestPerson = { id: '33333333-3333-4333-8333-333333333333', name: 'Adele Vance' }; // councillor
export const ISAIAH: TestPerson = { id: '44444444-4444-4444-8444-444444444444', name: 'Isaiah Langer' }; // coordinator
export const PATTI: TestPerson = { id: '55555555-5555-4555-8555-555555555555', name: 'Patti Fernandez' }; // governance approver
export const GRADY: TestPerson = { id: '66666666-6666-4666-8666-666666666666', name: 'Grady Archie' }; // someone else

export const CAST = [ALEX, MEGAN, ADELE, ISAIAH, PATTI, GRADY];

export function localDirectoryJson(): string {
  return JSON.stringify({
    people: [
      { id: ALEX.id, name: ALEX.name, jobTitle: 'Head of Highways', department: 'Regeneration and Environment', phone: '07700 900456', managerId: MEGAN.id },
      { id: MEGAN.id, name: MEGAN.name, jobTitle: 'Strategic Director', department: 'Regeneration and Environment' },
      { id: ADELE.id, name: ADELE.name, jobTitle: 'Councillor', department: 'Elected members' },
      { id: ISAIAH.id, name: ISAIAH.name, jobTitle: 'Service Manager, Leaving Care', department: "Children's Services" },
      { id: PATTI.id, name: PATTI.name, jobTitle: 'Head of Member Services', department: "Assistant Chief Executive's" },
      { id: GRADY.id, name: GRADY.name, jobTitle: 'Head of Finance', department: 'Finance' },
    ],
    coordinatorIds: [ISAIAH.id],
    governanceApproverIds: [PATTI.id],
  });
}
