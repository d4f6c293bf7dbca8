import type { Booking } from './session.js';

/** Gives free seats to the people waiting, first come first served; the order of rows never changes. */
export function fillFreeSeats(
  bookings: readonly Booking[],
  seats: number,
): { bookings: readonly Booking[]; promoted: readonly Booking[] } {
  let free = seats - bookings.filter((booking) => booking.status === 'confirmed').length;
  const promoted: Booking[] = [];
  const next = bookings.map((booking) => {
    if (free <= 0 || booking.status !== 'waiting') return booking;
    free -= 1;
    const confirmed: Booking = { ...booking, status: 'confirmed' };
    promoted.push(confirmed);
    return confirmed;
  });
  return { bookings: promoted.length > 0 ? next : bookings, promoted };
}
