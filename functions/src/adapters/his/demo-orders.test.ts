import { randomUUID } from 'node:crypto';
import { checkBillTotals } from '@jiuyi/shared';
import { demoOrdersForVisit } from './demo-orders';

const visit = (appointmentId: string) => ({
  appointmentId,
  patientId: 'p-1',
  date: '2025-10-13',
  departmentId: 'dept-ortho-spine',
  departmentName: '脊柱外科',
  doctorId: 'doc-1',
  doctorName: '王医生',
  start: '2025-10-13T08:00:00.000+08:00',
});

describe('demoOrdersForVisit', () => {
  it('gives the same visit the same orders every time', () => {
    const id = randomUUID();
    expect(demoOrdersForVisit(visit(id))).toEqual(demoOrdersForVisit(visit(id)));
  });

  it('always orders an exam and two drugs, 3 to 5 items with distinct ids, all adding up', () => {
    for (let i = 0; i < 200; i += 1) {
      const orders = demoOrdersForVisit(visit(randomUUID()));
      const items = orders.flatMap((o) => o.items);
      expect(items.length).toBeGreaterThanOrEqual(3);
      expect(items.length).toBeLessThanOrEqual(5);
      expect(new Set(items.map((x) => x.id)).size).toBe(items.length);
      expect(items.filter((x) => x.kind === 'drug')).toHaveLength(2);
      expect(items.some((x) => x.kind === 'exam')).toBe(true);
      expect(checkBillTotals(items).ok).toBe(true);
    }
  });

  it('dates the orders after the visit began, in Shanghai time', () => {
    const [order] = demoOrdersForVisit(visit(randomUUID()));
    expect(order?.orderedAt).toBe('2025-10-13T08:12:00.000+08:00');
  });
});
