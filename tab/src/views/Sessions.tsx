import {
  Button,
  Card,
  CardHeader,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  Text,
  Title2,
  Title3,
} from '@fluentui/react-components';
import { useState } from 'react';
import { get, post } from '../api';
import { formatDateTime } from '../format';
import { Loading } from './Loading';
import { useLoad } from './useLoad';

interface SessionRow {
  readonly id: string;
  readonly title: string;
  readonly kind: string;
  readonly startsAt: string;
  readonly seats: number;
  readonly cancelled: boolean;
  readonly started: boolean;
  readonly booked: readonly { personId: string; name: string; attended?: boolean }[];
  readonly waiting: readonly { personId: string; name: string }[];
}

export default function Sessions() {
  const [loaded, reload] = useLoad(() => get<SessionRow[]>('sessions'));
  return (
    <>
      <Title2 as="h2">Sessions</Title2>
      <Loading loaded={loaded}>
        {(sessions) => (sessions.length ? sessions.map((session) => <SessionCard key={session.id} session={session} onChanged={reload} />) : <p>No sessions in the last 45 days or to come.</p>)}
      </Loading>
    </>
  );
}

function SessionCard({ session, onChanged }: { session: SessionRow; onChanged: () => void }) {
  const [registerOpen, setRegisterOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<{ intent: 'success' | 'error'; text: string } | undefined>();
  const cancel = async (): Promise<void> => {
    setConfirming(false);
    try {
      await post(`sessions/${encodeURIComponent(session.id)}/cancel`, {});
      setMessage({ intent: 'success', text: 'Cancelled. Everyone booked or waiting is being told.' });
      onChanged();
    } catch (error) {
      setMessage({ intent: 'error', text: (error as Error).message });
    }
  };
  const told = [...session.booked, ...session.waiting].map((each) => each.name);
  return (
    <Card style={{ marginTop: 16 }} aria-label={session.title} data-testid={`session-${session.id}`}>
      <CardHeader header={<Title3 as="h3">{session.title}{session.cancelled ? ' (cancelled)' : ''}</Title3>} description={<Text>{formatDateTime(session.startsAt)}</Text>} />
      <Text>
        Seats: {session.booked.length} of {session.seats} booked; waiting list: {session.waiting.length}
      </Text>
      {session.waiting.length > 0 && (
        <div>
          <Text weight="semibold">Waiting list, in order</Text>
          <ol>{session.waiting.map((each) => <li key={each.personId}>{each.name}</li>)}</ol>
        </div>
      )}
      {message && <MessageBar intent={message.intent}><MessageBarBody>{message.text}</MessageBarBody></MessageBar>}
      {!session.cancelled && (
        <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
          {session.started && session.booked.length > 0 && <Button onClick={() => setRegisterOpen(!registerOpen)} aria-expanded={registerOpen}>Attendance register: {session.title}</Button>}
          {!session.started && <Button onClick={() => setConfirming(true)}>Cancel session: {session.title}</Button>}
        </div>
      )}
      {registerOpen && <Register session={session} onSaved={(text) => { setRegisterOpen(false); setMessage({ intent: 'success', text }); onChanged(); }} />}
      <Dialog open={confirming} onOpenChange={(_, data) => setConfirming(data.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Cancel {session.title}?</DialogTitle>
            <DialogContent>
              {told.length ? <>These {told.length} people will be told it is cancelled: {told.join(', ')}.</> : <>Nobody is booked, so nobody will be told.</>} The calendar event is cancelled too.
            </DialogContent>
            <DialogActions>
              <Button onClick={() => setConfirming(false)}>Keep the session</Button>
              <Button appearance="primary" onClick={() => void cancel()}>Cancel the session</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </Card>
  );
}

function Register({ session, onSaved }: { session: SessionRow; onSaved: (text: string) => void }) {
  const [present, setPresent] = useState<Set<string>>(() => new Set(session.booked.filter((each) => each.attended).map((each) => each.personId)));
  const [error, setError] = useState<string | undefined>();
  const all = present.size === session.booked.length;
  const toggle = (id: string, on: boolean): void => {
    const next = new Set(present);
    if (on) next.add(id);
    else next.delete(id);
    setPresent(next);
  };
  const save = async (): Promise<void> => {
    try {
      await post(`sessions/${encodeURIComponent(session.id)}/register`, { present: [...present] });
      onSaved(
        session.kind === 'training'
          ? `Attendance saved: ${present.size} came. Each of them is now trained and is asked for their pen picture.`
          : `Attendance saved: ${present.size} came.`,
      );
    } catch (caught) {
      setError((caught as Error).message);
    }
  };
  return (
    <form aria-label={`Attendance register: ${session.title}`} onSubmit={(event) => { event.preventDefault(); void save(); }}>
      <fieldset style={{ border: 'none', padding: 0 }}>
        <legend><Text weight="semibold">Who came?</Text></legend>
        <Checkbox label="Everyone booked came" checked={all ? true : present.size ? 'mixed' : false} onChange={(_, data) => setPresent(data.checked === true ? new Set(session.booked.map((each) => each.personId)) : new Set())} />
        {session.booked.map((each) => (
          <div key={each.personId}>
            <Checkbox label={each.name} checked={present.has(each.personId)} onChange={(_, data) => toggle(each.personId, data.checked === true)} />
          </div>
        ))}
      </fieldset>
      {error && <MessageBar intent="error"><MessageBarBody>{error}</MessageBarBody></MessageBar>}
      <Button appearance="primary" type="submit">Save attendance</Button>
    </form>
  );
}
