import type { Client } from '@microsoft/microsoft-graph-client';
import type { Directory, DirectoryPerson } from '../app/ports.js';
import type { PersonRef } from '../kernel/person.js';
import { graphStatus } from './graph-client.js';

interface GraphUser {
  id: string;
  displayName?: string | null;
  jobTitle?: string | null;
  department?: string | null;
  mail?: string | null;
  mobilePhone?: string | null;
  businessPhones?: string[] | null;
}

/** People and their line managers from Entra ID (User.Read.All). */
export class GraphDirectory implements Directory {
  constructor(private readonly client: Client) {}

  async getPerson(id: string): Promise<DirectoryPerson | undefined> {
    const user = await orUndefined(
      this.client.api(`/users/${encodeURIComponent(id)}`).select(['id', 'displayName', 'jobTitle', 'department', 'mail', 'mobilePhone', 'businessPhones']).get() as Promise<GraphUser>,
    );
    return user ? toPerson(user) : undefined;
  }

  async getManager(id: string): Promise<PersonRef | undefined> {
    const manager = await orUndefined(
      this.client.api(`/users/${encodeURIComponent(id)}/manager`).select(['id', 'displayName']).get() as Promise<GraphUser>,
    );
    return manager ? { id: manager.id, name: manager.displayName ?? 'Your line manager' } : undefined;
  }
}

function toPerson(user: GraphUser): DirectoryPerson {
  return {
    id: user.id,
    name: user.displayName ?? 'Unknown',
    ...(user.jobTitle ? { jobTitle: user.jobTitle } : {}),
    ...(user.department ? { department: user.department } : {}),
    ...(user.mail ? { mail: user.mail } : {}),
    ...(phoneOf(user) ? { phone: phoneOf(user) } : {}),
  };
}

function phoneOf(user: GraphUser): string | undefined {
  return user.mobilePhone || user.businessPhones?.find((phone) => phone.trim().length > 0) || undefined;
}

async function orUndefined<T>(request: Promise<T>): Promise<T | undefined> {
  try {
    return await request;
  } catch (error) {
    if (graphStatus(error) === 404) return undefined;
    throw error;
  }
}
