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
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Text,
  Title2,
  Title3,
} from '@fluentui/react-components';
import { useState } from 'react';
import { ApiError, get, post } from '../api';
import { formatDateTime } from '../format';
import { Loading } from './Loading';
import { useLoad } from './useLoad';

interface SessionRow {
  readonly id: string;
  readonly title: string;
  readonly kind: string;
  readonly startsAt: string;
  readonly timeZone: string;
  /** The day and times in the session's own zone: where the move form starts. */
  readonly local: { readonly date: string; readonly startTime: string; readonly endTime: string };
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
  const [changing, setChanging] = useState<'move' | 'seats' | undefined>();
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
          {!session.started && <Button onClick={() => setChanging(changing === 'move' ? undefined : 'move')} aria-expanded={changing === 'move'}>Move: {session.title}</Button>}
          {!session.started && <Button onClick={() => setChanging(changing === 'seats' ? undefined : 'seats')} aria-expanded={changing === 'seats'}>Change seats: {session.title}</Button>}
          {!session.started && <Button onClick={() => setConfirming(true)}>Cancel session: {session.title}</Button>}
        </div>
      )}
      {changing && (
        <ChangeForm
          session={session}
          kind={changing}
          told={told}
          onDone={(text) => { setChanging(undefined); setMessage({ intent: 'success', text }); onChanged(); }}
        />
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

interface ChangeAnswer {
  readonly notice: string;
}

/**
 * Move (new day and times) or change seats: the sessions use case checks what was sent, and each problem it finds is
 * shown beside its field in its own words; nothing changes until it accepts. Everyone booked or waiting is told of a move.
 */
function ChangeForm({ session, kind, told, onDone }: { session: SessionRow; kind: 'move' | 'seats'; told: readonly string[]; onDone: (text: string) => void }) {
  const [values, setValues] = useState<Record<string, string>>((): Record<string, string> => (kind === 'move' ? { ...session.local } : { seats: String(session.seats) }));
  const [refused, setRefused] = useState<ApiError | undefined>();
  const fields: readonly { id: string; label: string; type: 'date' | 'time' | 'number' }[] =
    kind === 'move'
      ? [
          { id: 'date', label: 'New day', type: 'date' },
          { id: 'startTime', label: 'Starts', type: 'time' },
          { id: 'endTime', label: 'Ends', type: 'time' },
        ]
      : [{ id: 'seats', label: 'Number of seats', type: 'number' }];
  const save = async (): Promise<void> => {
    try {
      const answer = await post<ChangeAnswer>(`sessions/${encodeURIComponent(session.id)}/${kind}`, kind === 'move' ? values : { seats: values.seats });
      onDone(answer.notice);
    } catch (caught) {
      setRefused(caught instanceof ApiError ? caught : new ApiError(0, 'The workspace could not do that. Please try again.'));
    }
  };
  const shownBeside = refused ? fields.some((field) => refused.about(field.id)) : false;
  const title = kind === 'move' ? `Move ${session.title}` : `Change seats: ${session.title}`;
  return (
    <form aria-label={title} onSubmit={(event) => { event.preventDefault(); void save(); }} style={{ display: 'flex', flexDirection: 'column', gap: 8, maxWidth: 420 }}>
      <Text>
        {kind === 'move'
          ? <>New day and times, in {session.timeZone} time. {told.length ? <>These {told.length} people are told and their calendars change: {told.join(', ')}.</> : <>Nobody is booked, so nobody is told.</>}</>
          : <>Now {session.seats} seats: {session.booked.length} booked, {session.waiting.length} waiting. New seats go to the waiting list in order, and they are told; fewer seats than people booked is refused.</>}
      </Text>
      {fields.map((field) => (
        <Field key={field.id} label={field.label} validationState={refused?.about(field.id) ? 'error' : 'none'} validationMessage={refused?.about(field.id)}>
          <Input type={field.type} value={values[field.id] ?? ''} onChange={(_, data) => setValues({ ...values, [field.id]: data.value })} />
        </Field>
      ))}
      {refused && !shownBeside && <MessageBar intent="error"><MessageBarBody>{refused.message}</MessageBarBody></MessageBar>}
      <div>
        <Button appearance="primary" type="submit">{kind === 'move' ? 'Move the session' : 'Change the seats'}</Button>
      </div>
    </form>
  );
}
