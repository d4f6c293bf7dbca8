import { Text, Title2, Title3 } from '@fluentui/react-components';
import { DataTable } from '../components/DataTable';
import { get, type Me } from '../api';
import { formatDate, formatDateTime, formatMonth, formatPounds, stageName } from '../format';
import { Loading } from './Loading';
import { useLoad } from './useLoad';

interface MyPageData {
  readonly name: string;
  readonly stage?: string;
  readonly nextStep: string;
  readonly sessions: readonly { title: string; startsAt: string; status: string; position?: number }[];
  readonly minutesByMonth: Record<string, number>;
  readonly claims: readonly { claimId: string; month: string; date: string; amountPence: number; purpose: string; status: string; rejectionReason?: string }[];
  readonly supportContacts: readonly { label: string; value: string }[];
}

export default function MyPage({ me }: { me: Me }) {
  const [loaded] = useLoad(() => get<MyPageData>('me/page'));
  return (
    <Loading loaded={loaded}>
      {(page) => (
        <>
          <Title2 as="h2">{page.name}</Title2>
          <Text as="p" data-testid="my-stage">Stage: {stageName(page.stage)}</Text>
          <Text as="p">Next step: {page.nextStep}</Text>
          {!me.coordinator && <Text as="p">For anything else, talk to the bot in chat: say "help".</Text>}
          <Title3 as="h3">Sessions booked</Title3>
          {page.sessions.length ? (
            <ul>{page.sessions.map((each) => <li key={each.title + each.startsAt}>{each.title}, {formatDateTime(each.startsAt)}: {each.status === 'waiting' ? `waiting list, number ${each.position}` : 'booked'}</li>)}</ul>
          ) : (
            <p>None booked.</p>
          )}
          <Title3 as="h3">Time with your young person</Title3>
          {Object.keys(page.minutesByMonth).length ? (
            <DataTable label="Minutes each month against 90" rows={Object.entries(page.minutesByMonth).sort(([a], [b]) => b.localeCompare(a))} rowKey={([month]) => month} columns={[
                { key: 'month', header: 'Month', cell: ([month]) => month },
                { key: 'minutes', header: 'Minutes (the scheme asks for 90)', cell: ([, minutes]) => `${minutes}${minutes < 90 ? ' (below 90)' : ''}` },
              ]}
            />
          ) : (
            <p>No meetings logged yet.</p>
          )}
          <Title3 as="h3">Your refreshment claims</Title3>
          {page.claims.length ? (
            <DataTable label="Your refreshment claims" testId="my-claims" rows={page.claims} rowKey={(claim) => claim.claimId} columns={[
                { key: 'month', header: 'Month', cell: (claim) => formatMonth(claim.month) },
                { key: 'meeting', header: 'Meeting', cell: (claim) => formatDate(claim.date) },
                { key: 'amount', header: 'Amount', cell: (claim) => formatPounds(claim.amountPence) },
                { key: 'for', header: 'For', cell: (claim) => claim.purpose },
                { key: 'status', header: 'Status', cell: (claim) => `${claim.status}${claim.rejectionReason ? ` (${claim.rejectionReason})` : ''}` },
              ]}
            />
          ) : (
            <p>No claims yet. Claim refreshments when you log a meeting in chat.</p>
          )}
          <Title3 as="h3">Support</Title3>
          <Text as="p">If anyone is in immediate danger, call 999 now. For anything else, the Leaving Care Service is here to help: say "support" to the bot in chat.</Text>
          <dl data-testid="support-contacts">
            {page.supportContacts.map((contact) => (
              <div key={contact.label} style={{ display: 'flex', gap: 8 }}>
                <dt style={{ fontWeight: 600 }}>{contact.label}:</dt>
                <dd style={{ margin: 0 }}>{contact.value}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </Loading>
  );
}
