import { Button, Text, View } from '@tarojs/components';
import type { Department } from '@jiuyi/shared';
import type { RecentDepartment } from '../utils/booking-memory';
import { openDepartments, openSchedule } from '../utils/booking-navigate';

/** How many department shortcuts home shows: enough to cover most returning patients, few enough to read. */
const SHORTCUTS = 4;

interface Shortcut {
  id: string;
  name: string;
  recent: boolean;
}

/** Recently booked departments first, then the hospital's first departments to fill the row. */
export function pickShortcuts(recent: RecentDepartment[], departments: Department[]): Shortcut[] {
  const known = new Set(departments.map((d) => d.id));
  const picked: Shortcut[] = recent
    .filter((d) => departments.length === 0 || known.has(d.id))
    .map((d) => ({ ...d, recent: true }));
  for (const d of departments) {
    if (picked.length >= SHORTCUTS) break;
    if (!picked.some((p) => p.id === d.id)) picked.push({ id: d.id, name: d.name, recent: false });
  }
  return picked.slice(0, SHORTCUTS);
}

/**
 * 预约挂号 on home: the full entry, and shortcuts that jump straight to a department's
 * doctor × day grid, so a returning patient skips the department list.
 */
export function BookingShortcuts({ shortcuts }: { shortcuts: Shortcut[] }) {
  return (
    <View className="booking-entry">
      <Button
        className="btn btn--primary btn--block booking-entry__main"
        data-testid="entry-booking"
        onClick={openDepartments}
      >
        预约挂号
      </Button>
      {shortcuts.length > 0 ? (
        <>
          <Text className="booking-entry__label">
            {shortcuts.some((s) => s.recent) ? '最近就诊 · 常用科室' : '常用科室'}
          </Text>
          <View className="quick-depts">
            {shortcuts.map((s) => (
              <View
                key={s.id}
                className={s.recent ? 'quick-dept quick-dept--recent' : 'quick-dept'}
                data-testid={`quick-dept-${s.id}`}
                hoverClass="entry-row--pressed"
                onClick={() => openSchedule(s.id)}
              >
                <Text className="quick-dept__name">{s.name}</Text>
                {s.recent ? <Text className="quick-dept__tag">最近就诊</Text> : null}
              </View>
            ))}
          </View>
        </>
      ) : null}
    </View>
  );
}
