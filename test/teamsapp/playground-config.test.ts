import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { pickPerson, playgroundConfig, type LocalDirectory } from '../../scripts/lib/playground.js';

const directory: LocalDirectory = {
  people: [
    { id: '00000000-0000-0000-0000-0000000000020', name: 'Alex Wilber', jobTitle: 'Head of Highways', managerId: '00000000-0000-0000-0000-0000000000021' },
    { id: '00000000-0000-0000-0000-0000000000021', name: 'Megan Bowen', jobTitle: 'Strategic Director' },
    { id: '00000000-0000-0000-0000-0000000000022', name: 'Adele Vance', jobTitle: 'Councillor' },
    { id: '00000000-0000-0000-0000-0000000000023', name: 'Isaiah Langer', jobTitle: 'Service Manager' },
    { id: '00000000-0000-0000-0000-0000000000025', name: 'Grady Archie', jobTitle: 'Data Protection Officer' },
  ],
  coordinatorIds: ['00000000-0000-0000-0000-0000000000023'],
  governanceApproverIds: ['00000000-0000-0000-0000-0000000000022'],
  dataProtectionOfficerIds: ['00000000-0000-0000-0000-0000000000025'],
};

interface User {
  id: string;
  name: string;
  aadObjectId: string;
  userPrincipleName: string;
}

describe('who you are in the Playground (npm run dev -- --as ...)', () => {
  it.each([
    [undefined, 'Alex Wilber'],
    ['senior', 'Alex Wilber'],
    ['manager', 'Megan Bowen'],
    ['councillor', 'Adele Vance'],
    ['coordinator', 'Isaiah Langer'],
    ['approver', 'Adele Vance'],
    ['dpo', 'Grady Archie'],
    ['megan', 'Megan Bowen'],
    ['00000000-0000-0000-0000-0000000000022', 'Adele Vance'],
  ])('--as %s is %s', (who, name) => {
    expect(pickPerson(directory, who).name).toBe(name);
  });

  it('names the cast when nobody matches', () => {
    expect(() => pickPerson(directory, 'nobody')).toThrow(/Alex Wilber, Megan Bowen/);
  });

  it('writes a Playground config (schema 0.1.1) with the chosen person as the current user', () => {
    const config = parse(playgroundConfig(directory, pickPerson(directory, 'coordinator'))) as {
      version: string;
      currentUser: User;
      users: User[];
      team: { channels: unknown[] };
      personalChat: { id: string };
    };
    expect(config.version).toBe('0.1.1');
    expect(config.currentUser).toMatchObject({ name: 'Isaiah Langer', aadObjectId: '00000000-0000-0000-0000-0000000000023' });
    expect(config.users).toHaveLength(5); // the Playground requires exactly five
    const ids = [config.currentUser, ...config.users].map((u) => u.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(config.users.map((u) => u.name)).toEqual(expect.arrayContaining(['Alex Wilber', 'Megan Bowen', 'Adele Vance']));
    expect(config.team.channels.length).toBeLessThanOrEqual(1);
    expect(config.personalChat.id).toContain(config.currentUser.aadObjectId);
  });
});
