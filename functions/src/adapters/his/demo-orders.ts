import { createHash } from 'node:crypto';
import { toShanghaiIso, type HisItemKind } from '@jiuyi/shared';
import type { HisOrder, HisOrderItem, HisVisit } from '../../ports/his';

/**
 * The demo hospital's orders: what a doctor might order after a visit, generated from the visit's
 * appointment id so the same visit always gets the same orders (demo and tests are reproducible).
 * Names and prices are fictional but plausible; every price is integer fen.
 */

interface CatalogueEntry {
  code: string;
  name: string;
  kind: HisItemKind;
  unit: string;
  unitPriceFen: number;
}

const EXAMS: readonly CatalogueEntry[] = [
  { code: 'JY001', name: '血常规', kind: 'exam', unit: '次', unitPriceFen: 2500 },
  { code: 'JY014', name: '肝功能', kind: 'exam', unit: '次', unitPriceFen: 6800 },
  { code: 'YX201', name: '胸部 CT 平扫', kind: 'exam', unit: '次', unitPriceFen: 28000 },
  { code: 'CS105', name: '腹部彩超', kind: 'exam', unit: '次', unitPriceFen: 16000 },
  { code: 'XD002', name: '常规心电图', kind: 'exam', unit: '次', unitPriceFen: 2500 },
];

const DRUGS: readonly CatalogueEntry[] = [
  { code: 'YP3021', name: '阿莫西林胶囊 0.25g×24粒', kind: 'drug', unit: '盒', unitPriceFen: 1850 },
  { code: 'YP1106', name: '布洛芬缓释胶囊 0.3g×20粒', kind: 'drug', unit: '盒', unitPriceFen: 2260 },
  { code: 'YP2207', name: '奥美拉唑肠溶胶囊 20mg×14粒', kind: 'drug', unit: '盒', unitPriceFen: 3190 },
  { code: 'YP0935', name: '复方甘草口服溶液 100ml', kind: 'drug', unit: '瓶', unitPriceFen: 850 },
];

const TREATMENTS: readonly CatalogueEntry[] = [
  { code: 'ZL010', name: '换药（中）', kind: 'treatment', unit: '次', unitPriceFen: 3000 },
  { code: 'ZL022', name: '雾化吸入', kind: 'treatment', unit: '次', unitPriceFen: 1200 },
];

function item(orderId: string, line: number, entry: CatalogueEntry, quantity: number): HisOrderItem {
  return {
    id: `${orderId}-${line}`,
    code: entry.code,
    name: entry.name,
    kind: entry.kind,
    quantity,
    unit: entry.unit,
    unitPriceFen: entry.unitPriceFen,
    lineTotalFen: quantity * entry.unitPriceFen,
    executed: false,
  };
}

/** `count` distinct entries chosen by successive bytes of the visit's hash. */
function pick(
  entries: readonly CatalogueEntry[],
  bytes: Buffer,
  from: number,
  count: number,
): CatalogueEntry[] {
  const chosen: CatalogueEntry[] = [];
  for (let i = 0; chosen.length < count && i < entries.length * 2; i += 1) {
    const entry = entries[(bytes[from + i] ?? i) % entries.length];
    if (entry && !chosen.includes(entry)) chosen.push(entry);
  }
  // Unlucky bytes that kept repeating one entry: fill up in catalogue order.
  for (const entry of entries) if (chosen.length < count && !chosen.includes(entry)) chosen.push(entry);
  return chosen;
}

/** Minutes after the visit's start at which the doctor signed the orders. */
const ORDER_DELAY_MINUTES = 12;

/**
 * The orders of one visit: an exam request (1–2 exams), a prescription (2 drugs, 1–3 of each)
 * and, for about half the visits, a treatment: 3 to 5 items.
 */
export function demoOrdersForVisit(visit: HisVisit): HisOrder[] {
  const bytes = createHash('sha256').update(visit.appointmentId).digest();
  const stem = `MZ${visit.date.replace(/-/g, '')}${bytes.subarray(0, 4).toString('hex').toUpperCase()}`;
  const orderedAt = new Date(new Date(visit.start).getTime() + ORDER_DELAY_MINUTES * 60_000);
  const header = (id: string) => ({
    id,
    appointmentId: visit.appointmentId,
    patientId: visit.patientId,
    date: visit.date,
    departmentId: visit.departmentId,
    departmentName: visit.departmentName,
    doctorId: visit.doctorId,
    doctorName: visit.doctorName,
    orderedAt: toShanghaiIso(orderedAt),
  });
  const exams = pick(EXAMS, bytes, 4, 1 + ((bytes[10] ?? 0) % 2));
  const drugs = pick(DRUGS, bytes, 12, 2);
  const orders: HisOrder[] = [
    { ...header(`${stem}A`), items: exams.map((e, i) => item(`${stem}A`, i + 1, e, 1)) },
    {
      ...header(`${stem}B`),
      items: drugs.map((d, i) => item(`${stem}B`, i + 1, d, 1 + ((bytes[20 + i] ?? 0) % 3))),
    },
  ];
  if ((bytes[24] ?? 0) % 2 === 0) {
    const treatment = TREATMENTS[(bytes[25] ?? 0) % TREATMENTS.length];
    if (treatment) orders.push({ ...header(`${stem}C`), items: [item(`${stem}C`, 1, treatment, 1)] });
  }
  return orders;
}
