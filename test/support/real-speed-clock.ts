/** A bot's clock that runs at real speed from `start` (an ISO instant); `jumpTo` moves it to another instant, running on from there. */
export function realSpeedFrom(start: string): { now: () => Date; jumpTo: (instant: string) => void } {
  let offset = Date.parse(start) - Date.now();
  return {
    now: () => new Date(Date.now() + offset),
    jumpTo: (instant) => {
      offset = Date.parse(instant) - Date.now();
    },
  };
}
