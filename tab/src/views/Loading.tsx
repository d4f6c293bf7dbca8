import { MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { Loaded } from './useLoad';

export function Loading<T>({ loaded, children }: { loaded: Loaded<T>; children: (value: T) => ReactNode }) {
  if (loaded.state === 'loading') return <Spinner label="Loading…" />;
  if (loaded.state === 'failed') return <MessageBar intent="error"><MessageBarBody>{loaded.message}</MessageBarBody></MessageBar>;
  return <>{children(loaded.value)}</>;
}
