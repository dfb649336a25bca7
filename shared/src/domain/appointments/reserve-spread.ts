/**
 * Spreads `amount` numbers over slots that each have `room[i]` numbers left, one at a time from
 * the earliest slot with room, round after round. Used for the on-site reserve: it is what is left
 * of each slot after the online share, so no slot can promise more numbers than it has; because
 * the online and on-site shares together never exceed a session's capacity, the whole reserve
 * always fits.
 */
export function spreadWithinRoom(room: readonly number[], amount: number): number[] {
  if (!Number.isInteger(amount) || amount < 0) throw new RangeError('Amount must be a non-negative integer');
  const total = room.reduce((sum, r) => sum + Math.max(0, r), 0);
  if (amount > total) throw new RangeError('Amount exceeds the room left in the slots');
  const given = room.map(() => 0);
  let left = amount;
  while (left > 0) {
    room.forEach((r, i) => {
      if (left > 0 && (given[i] as number) < r) {
        given[i] = (given[i] as number) + 1;
        left -= 1;
      }
    });
  }
  return given;
}
