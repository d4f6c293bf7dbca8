import type { SupportContacts } from './relationship-ports.js';

export type ContactLine = readonly [label: string, value: string];

const ASK_COORDINATOR = 'Ask the scheme coordinator';

/** The numbers a mentor is shown to call: on the support card, after a concern, and on the workspace's My page. */
export function supportContactLines(contacts: Pick<SupportContacts, 'dutyLine' | 'serviceManager'>): ContactLine[] {
  return [
    ['Emergency', '999'],
    ['Leaving Care duty line', contacts.dutyLine ?? ASK_COORDINATOR],
    ['Service manager', contacts.serviceManager ? `${contacts.serviceManager.name}: ${contacts.serviceManager.contact}` : ASK_COORDINATOR],
  ];
}
