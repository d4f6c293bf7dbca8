import { Button, Checkbox, Field, MessageBar, MessageBarBody, Select, Text, Title2, Title3 } from '@fluentui/react-components';
import { useState } from 'react';
import { get, post } from '../api';
import { Loading } from './Loading';
import { useLoad } from './useLoad';

interface Shortlist {
  readonly reference: string;
  readonly suggestions: readonly { mentorId: string; mentorName: string; score: number; reasons: string[] }[];
  readonly excluded: readonly { mentorName: string; reasons: string[] }[];
}

const MAX_PUT = 3;

/** For a waiting young person: the ranked shortlist with its reasons beside the exclusions; up to three put forward. */
export default function Matching() {
  const [waiting] = useLoad(() => get<{ id: string; reference: string }[]>('matching/waiting'));
  const [chosen, setChosen] = useState<string | undefined>();
  return (
    <>
      <Title2 as="h2">Matching</Title2>
      <Text as="p">Opening this list and a shortlist is recorded, as in chat.</Text>
      <Loading loaded={waiting}>
        {(people) =>
          people.length === 0 ? (
            <p>Nobody is waiting for a mentor.</p>
          ) : (
            <Field label="Young person waiting (reference)">
              <Select value={chosen ?? ''} onChange={(_, data) => setChosen(data.value || undefined)}>
                <option value="">Choose…</option>
                {people.map((person) => <option key={person.id} value={person.id}>{person.reference}</option>)}
              </Select>
            </Field>
          )
        }
      </Loading>
      {chosen && <ShortlistFor key={chosen} youngPersonId={chosen} />}
    </>
  );
}

function ShortlistFor({ youngPersonId }: { youngPersonId: string }) {
  const [loaded] = useLoad(() => get<Shortlist>(`matching/${encodeURIComponent(youngPersonId)}/shortlist`));
  const [picked, setPicked] = useState<string[]>([]);
  const [message, setMessage] = useState<{ intent: 'success' | 'error'; text: string } | undefined>();
  const put = async (): Promise<void> => {
    try {
      await post(`matching/${encodeURIComponent(youngPersonId)}/put-forward`, { mentorIds: picked });
      setMessage({ intent: 'success', text: `Put forward: ${picked.length} ${picked.length === 1 ? 'mentor' : 'mentors'}. Record the young person's choice in chat ("match").` });
    } catch (error) {
      setMessage({ intent: 'error', text: (error as Error).message });
    }
  };
  return (
    <Loading loaded={loaded}>
      {(list) => (
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))', gap: 24, marginTop: 16 }}>
          <section aria-label="Suggested mentors">
            <Title3 as="h3">Suggested for {list.reference} ({list.suggestions.length})</Title3>
            {list.suggestions.length === 0 && <p>No mentor can be suggested yet: see why on the right.</p>}
            {list.suggestions.map((each) => (
              <div key={each.mentorId}>
                <Checkbox
                  label={`${each.mentorName} (score ${each.score})`}
                  checked={picked.includes(each.mentorId)}
                  disabled={!picked.includes(each.mentorId) && picked.length >= MAX_PUT}
                  onChange={(_, data) => setPicked(data.checked === true ? [...picked, each.mentorId] : picked.filter((id) => id !== each.mentorId))}
                />
                <ul>{each.reasons.map((reason) => <li key={reason}>{reason}</li>)}</ul>
              </div>
            ))}
            {message && <MessageBar intent={message.intent}><MessageBarBody>{message.text}</MessageBarBody></MessageBar>}
            {list.suggestions.length > 0 && <Button appearance="primary" disabled={picked.length === 0} onClick={() => void put()}>Put forward {picked.length} of up to {MAX_PUT}</Button>}
          </section>
          <section aria-label="Mentors ruled out">
            <Title3 as="h3">Ruled out ({list.excluded.length})</Title3>
            <ul>{list.excluded.slice(0, 50).map((each) => <li key={each.mentorName}>{each.mentorName}: {each.reasons.join(' ')}</li>)}</ul>
          </section>
        </div>
      )}
    </Loading>
  );
}
